namespace SocialWatch.Host;

internal static partial class HostLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Applied {Count} schema migration(s)")]
    public static partial void MigrationsApplied(ILogger logger, int count);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Recurring jobs scheduled: {PollCount} source poll(s), {DigestCount} digest subscription(s)")]
    public static partial void RecurringJobsScheduled(ILogger logger, int pollCount, int digestCount);

    [LoggerMessage(EventId = 90, Level = LogLevel.Warning, Message = "Starting on {Provider} database {Stamp} instead of {Remembered}, as Storage:AllowFreshDatabase allows")]
    public static partial void FreshDatabaseAllowed(ILogger logger, string provider, string stamp, string remembered);

    [LoggerMessage(EventId = 91, Level = LogLevel.Warning, Message = "The data-protection key ring is kept unencrypted in the database; set DataProtection:Key or DataProtection:CertificatePath (required on PostgreSQL and SQL Server in Production)")]
    public static partial void KeyRingUnencrypted(ILogger logger);
}
