using System.Data.Common;

namespace SocialWatch.Alerts.Storage.Workflow;

/// <summary>
/// What the workflow stores need to know about a dialect beyond its SQL text: how to open a connection and how it
/// keeps times (unix milliseconds in SQLite, timestamptz in PostgreSQL, datetimeoffset in SQL Server).
/// </summary>
internal abstract class SqlDialect
{
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    public abstract object ToDb(DateTimeOffset value);

    public object? ToDb(DateTimeOffset? value) => value is { } v ? ToDb(v) : null;

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
}

internal sealed class PostgreSqlDialect(PostgreSql.PostgreSqlConnectionFactory connections) : SqlDialect
{
    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await connections.OpenAsync(cancellationToken);

    public override object ToDb(DateTimeOffset value) => value.UtcDateTime;
}

internal sealed class SqlServerDialect(SqlServer.SqlServerConnectionFactory connections) : SqlDialect
{
    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await connections.OpenAsync(cancellationToken);

    public override object ToDb(DateTimeOffset value) => value.ToUniversalTime();
}
