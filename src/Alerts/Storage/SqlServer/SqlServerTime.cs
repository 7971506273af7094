namespace SocialWatch.Alerts.Storage.SqlServer;

/// <summary>
/// SQL Server keeps times in datetimeoffset columns, always written with a zero offset. DateTimeOffset parameters
/// travel as datetimeoffset(7); DateTime ones would become the legacy datetime type and lose milliseconds.
/// </summary>
internal static class SqlServerTime
{
    public static DateTimeOffset ToDb(DateTimeOffset value) => value.ToUniversalTime();

    public static DateTimeOffset? ToDb(DateTimeOffset? value) => value?.ToUniversalTime();

    public static DateTimeOffset FromDb(DateTimeOffset value) => value.ToUniversalTime();

    /// <summary>Text form OPENJSON converts to datetimeoffset without a style.</summary>
    public static string ToJson(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'+00:00'", System.Globalization.CultureInfo.InvariantCulture);
}
