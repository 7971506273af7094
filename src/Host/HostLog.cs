namespace SocialWatch.Host;

internal static partial class HostLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Applied {Count} schema migration(s)")]
    public static partial void MigrationsApplied(ILogger logger, int count);
}
