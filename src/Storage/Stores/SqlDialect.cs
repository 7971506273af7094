using System.Data.Common;

namespace SocialWatch.Storage.Stores;

/// <summary>
/// What the workflow stores need to know about a dialect beyond its SQL text: how to open a connection and how it
/// keeps times (unix milliseconds in SQLite, timestamptz in PostgreSQL, datetimeoffset in SQL Server).
/// </summary>
internal abstract class SqlDialect
{
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    public abstract object ToDb(DateTimeOffset value);

    /// <summary>The exception is the database refusing a row that a unique constraint or index already holds.</summary>
    public abstract bool IsDuplicateKey(Exception exception);

    /// <summary>
    /// A connection that proves the database is there now: the readiness probe uses it so that a pooled connection
    /// to a file deleted since cannot answer for the file at the path today.
    /// </summary>
    public virtual Task<DbConnection> OpenFreshAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    /// <summary>Drops idle pooled connections after the probe found the database replaced, so the stores stop writing to the old one.</summary>
    public virtual void ForgetPooledConnections()
    {
    }

    public object? ToDb(DateTimeOffset? value) => value is { } v ? ToDb(v) : null;

    /// <summary>
    /// A day as a parameter: midnight of unspecified kind, which the statements cast to a date (Dapper has no
    /// <see cref="DateOnly"/> mapping).
    /// </summary>
    public virtual object ToDb(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    /// <summary>Reads a time column whatever type the provider hands back.</summary>
    public static DateTimeOffset FromDb(object value) => value switch
    {
        long ms => DateTimeOffset.FromUnixTimeMilliseconds(ms),
        DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
        DateTimeOffset offset => offset.ToUniversalTime(),
        _ => throw new InvalidCastException($"Cannot read a time from {value.GetType().Name}."),
    };

    public static DateTimeOffset? FromDbNullable(object? value) => value is null or DBNull ? null : FromDb(value);

    /// <summary>Reads a boolean column (SQLite hands back 0/1 integers).</summary>
    public static bool BoolFromDb(object value) => value switch
    {
        bool b => b,
        long l => l != 0,
        int i => i != 0,
        _ => Convert.ToBoolean(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}

internal sealed class SqliteDialect(Sqlite.SqliteConnectionFactory connections) : SqlDialect
{
    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await connections.OpenAsync(cancellationToken);

    public override object ToDb(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY; other constraint failures (NOT NULL, CHECK) are not duplicates.
    public override bool IsDuplicateKey(Exception exception) =>
        exception is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    /// <summary>SQLite keeps a day as its ISO text.</summary>
    public override object ToDb(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Unpooled and without create: a pooled connection keeps writing to a deleted file's inode, and opening with
    /// create would make an empty file at the path that then looks like the database.
    /// </summary>
    public override async Task<DbConnection> OpenFreshAsync(CancellationToken cancellationToken)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connections.ConnectionString) { Pooling = false };
        if (builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.ReadWriteCreate)
        {
            builder.Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadWrite;
        }

        var connection = new Microsoft.Data.Sqlite.SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override void ForgetPooledConnections()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connections.ConnectionString);
        Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
    }

    /// <summary>Full path of the database file; null for an in-memory database.</summary>
    public string? DatabaseFile => connections.DatabaseFile;
}

internal sealed class PostgreSqlDialect(PostgreSql.PostgreSqlConnectionFactory connections) : SqlDialect
{
    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await connections.OpenAsync(cancellationToken);

    public override object ToDb(DateTimeOffset value) => value.UtcDateTime;

    public override bool IsDuplicateKey(Exception exception) =>
        exception is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };
}

internal sealed class SqlServerDialect(SqlServer.SqlServerConnectionFactory connections) : SqlDialect
{
    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await connections.OpenAsync(cancellationToken);

    public override object ToDb(DateTimeOffset value) => value.ToUniversalTime();

    // 2627: unique constraint, 2601: unique index.
    public override bool IsDuplicateKey(Exception exception) =>
        exception is Microsoft.Data.SqlClient.SqlException { Number: 2627 or 2601 };
}
