using Microsoft.Extensions.Logging;
using SocialWatch.Core.Digests;

namespace SocialWatch.Alerts.Digests;

internal static partial class DigestLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Digest subscription {SubscriptionId} is missing or disabled; nothing to send")]
    public static partial void SubscriptionInactive(ILogger logger, long subscriptionId);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Digest of subscription {SubscriptionId} for the period ending {PeriodEnd:O} is already {State}; not sending it again")]
    public static partial void AlreadyHandled(ILogger logger, long subscriptionId, DateTimeOffset periodEnd, DigestRunState state);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Digest of subscription {SubscriptionId} for {PeriodStart:O} to {PeriodEnd:O} sent to {RecipientCount} recipients ({Mentions} mentions)")]
    public static partial void Sent(ILogger logger, long subscriptionId, DateTimeOffset periodStart, DateTimeOffset periodEnd, int recipientCount, long mentions);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Digest of subscription {SubscriptionId} for the period ending {PeriodEnd:O} was not accepted by the mail server; Hangfire will retry")]
    public static partial void SendFailed(ILogger logger, Exception exception, long subscriptionId, DateTimeOffset periodEnd);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Error, Message = "Could not record the failure of digest run {RunId}; it stays marked as sending and will not be retried automatically")]
    public static partial void FailureNotRecorded(ILogger logger, Exception exception, long runId);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Information, Message = "Digest subscription {SubscriptionId} scheduled with cron '{Cron}' in {TimeZone}")]
    public static partial void Scheduled(ILogger logger, long subscriptionId, string cron, string timeZone);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Information, Message = "Digest subscription {SubscriptionId} unscheduled")]
    public static partial void Unscheduled(ILogger logger, long subscriptionId);
}
