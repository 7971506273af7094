namespace SocialWatch.Host;

internal static partial class HostLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Applied {Count} schema migration(s)")]
    public static partial void MigrationsApplied(ILogger logger, int count);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Recurring jobs scheduled: {PollCount} source poll(s), {DigestCount} digest subscription(s)")]
    public static partial void RecurringJobsScheduled(ILogger logger, int pollCount, int digestCount);

    [LoggerMessage(EventId = 90, Level = LogLevel.Warning, Message = "Starting on {Provider} database {Stamp} instead of {Remembered}, as Storage:AllowFreshDatabase allows")]
    public static partial void FreshDatabaseAllowed(ILogger logger, string provider, string stamp, string remembered);
}
