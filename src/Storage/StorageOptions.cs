namespace SocialWatch.Storage;

/// <summary>The SQL dialects SocialWatch can store its data in.</summary>
public enum StorageProvider
{
    /// <summary>Embedded file database; the default for one machine.</summary>
    Sqlite,

    /// <summary>PostgreSQL server (Npgsql); for several hosts.</summary>
    PostgreSql,

    /// <summary>SQL Server (Microsoft.Data.SqlClient); the production target for several hosts.</summary>
    SqlServer,
}

/// <summary>
/// Which database the stores use. Bound from <c>Storage:Provider</c> and <c>ConnectionStrings:SocialWatch</c>
/// by <see cref="StorageRegistration.AddSocialWatchStorage"/>; checked by <see cref="StorageConfiguration.Validate"/>.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Name of the connection string under <c>ConnectionStrings</c>.</summary>
    public const string ConnectionStringName = "SocialWatch";

    /// <summary>Used when <see cref="StorageProvider.Sqlite"/> is configured without a connection string.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=./data/socialwatch.db";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>ADO.NET connection string of the configured provider.</summary>
    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;

    /// <summary>
    /// Lets the host start on a database other than the one its stamp file names (an empty one, after a restore
    /// elsewhere) and rewrite the file. Without it the host refuses, so a lost database is noticed instead of
    /// silently replaced by a fresh one.
    /// </summary>
    public bool AllowFreshDatabase { get; set; }

    /// <summary>
    /// File outside the database that remembers the stamp of the database this host ran on. Defaults to
    /// <c>&lt;database file&gt;.stamp</c> beside the SQLite file; server databases have none unless set.
    /// </summary>
    public string? StampFile { get; set; }
}
