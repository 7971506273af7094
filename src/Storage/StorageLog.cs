using Microsoft.Extensions.Logging;

namespace SocialWatch.Storage;

internal static partial class StorageLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Applying {Count} migration script(s) to the {Provider} database")]
    public static partial void ApplyingMigrations(ILogger logger, string provider, int count);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Applied migration {Script} to the {Provider} database")]
    public static partial void AppliedMigration(ILogger logger, string provider, string script);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "The {Provider} database schema is up to date")]
    public static partial void SchemaUpToDate(ILogger logger, string provider);
}
