namespace SocialWatch.Alerts.Storage.PostgreSql;

/// <summary>Npgsql writes and reads timestamptz as UTC <see cref="DateTime"/> (it refuses offsets other than zero).</summary>
internal static class PostgreSqlTime
{
    public static DateTime ToDb(DateTimeOffset value) => value.UtcDateTime;

    public static DateTime? ToDb(DateTimeOffset? value) => value?.UtcDateTime;

    public static DateTimeOffset FromDb(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
