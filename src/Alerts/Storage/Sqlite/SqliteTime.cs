namespace SocialWatch.Alerts.Storage.Sqlite;

/// <summary>SQLite keeps times as INTEGER unix milliseconds (UTC).</summary>
internal static class SqliteTime
{
    public static long ToDb(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static long? ToDb(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromDb(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    /// <summary>A UTC day as stored in ingest_reads.</summary>
    public static string ToDb(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
