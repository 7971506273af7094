using Microsoft.Extensions.Logging;

namespace SocialWatch.Alerts;

/// <summary>Log messages of routing, workflow, SLA, promises, spikes, notifications and retention.</summary>
internal static partial class WorkflowLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Alert {AlertId} raised for mention {MentionId}: team {Team}, rule {Rule}")]
    public static partial void AlertRaised(ILogger logger, long alertId, long mentionId, string team, string rule);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Alert {AlertId} reopened by re-complaint in mention {MentionId}")]
    public static partial void Reopened(ILogger logger, long alertId, long mentionId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Promise {PromiseId} on alert {AlertId} was not kept; raised alert {BrokenAlertId}")]
    public static partial void PromiseBroken(ILogger logger, long promiseId, long alertId, long brokenAlertId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "SLA {Level} on alert {AlertId}: {Deadline} due {DueAt}")]
    public static partial void SlaNotice(ILogger logger, string level, long alertId, string deadline, DateTimeOffset dueAt);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Alert {AlertId} deadlines tightened: engagement doubles every {DoublingTime}")]
    public static partial void Tightened(ILogger logger, long alertId, TimeSpan doublingTime);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Spike for brand {Brand}: {Count} mentions in the window against {Expected:F1} expected, negative share {NegativeShare:P0}; alert {AlertId}")]
    public static partial void SpikeRaised(ILogger logger, string brand, long count, double expected, double negativeShare, long alertId);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Error, Message = "Notification sink {Sink} failed for alert {AlertId}")]
    public static partial void SinkFailed(ILogger logger, Exception exception, string sink, long alertId);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "Notification {Channel} to {Target} failed on try {Attempt} ({Error}); retrying in {Delay}")]
    public static partial void OutboxRetry(ILogger logger, string channel, string target, int attempt, TimeSpan delay, string error);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Error, Message = "Notification {Channel} to {Target} for alert {AlertId} given up after {Attempts} tries ({Error}); kept in notification_outbox")]
    public static partial void OutboxGaveUp(ILogger logger, string channel, string target, long alertId, int attempts, string error);

    [LoggerMessage(EventId = 2090, Level = LogLevel.Warning, Message = "Notification outbox cannot be read ({Failures} failures in a row); next try in {Delay}")]
    public static partial void OutboxFailed(ILogger logger, Exception exception, int failures, TimeSpan delay);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "Retention purge of brand {Brand}: {Mentions} mentions older than {Cutoff} removed")]
    public static partial void Purged(ILogger logger, string brand, int mentions, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "Erased data of author {AuthorId} on {Source}: {Mentions} mentions, by {Actor}")]
    public static partial void Erased(ILogger logger, string source, string authorId, int mentions, string actor);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Warning, Message = "Dashboard subscriber too slow; dropped {Kind} event of alert {AlertId}")]
    public static partial void StreamDropped(ILogger logger, string kind, long alertId);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Information, Message = "Live alert tail started at change {Position}")]
    public static partial void TailStarted(ILogger logger, long position);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Warning, Message = "Live alert tail cannot read the database ({Failures} failures in a row); next try in {Delay}")]
    public static partial void TailFailed(ILogger logger, Exception exception, int failures, TimeSpan delay);

    [LoggerMessage(EventId = 2016, Level = LogLevel.Information, Message = "Live alert tail reading again from change {Position} after {Failures} failures")]
    public static partial void TailResumed(ILogger logger, long position, int failures);

    [LoggerMessage(EventId = 2017, Level = LogLevel.Debug, Message = "Live alert tail stopped waiting for {Count} missing changes (rolled back, or still uncommitted after {Timeout})")]
    public static partial void TailGapsExpired(ILogger logger, int count, TimeSpan timeout);

    [LoggerMessage(EventId = 2040, Level = LogLevel.Debug, Message = "Mention {MentionId} already has its alert; a racing refresh or host raised it first")]
    public static partial void AlertAlreadyRaised(ILogger logger, long mentionId);

    [LoggerMessage(EventId = 2041, Level = LogLevel.Information, Message = "Alert {AlertId} raised for watched mention {MentionId} after a re-score: it started quiet and now passes routing")]
    public static partial void RaisedOnRescore(ILogger logger, long alertId, long mentionId);

    [LoggerMessage(EventId = 2042, Level = LogLevel.Information, Message = "Alert {AlertId} re-planned on re-score: priority {From} -> {To}")]
    public static partial void Replanned(ILogger logger, long alertId, string from, string to);

    [LoggerMessage(EventId = 2091, Level = LogLevel.Warning, Message = "Announced {Count} alerts whose notifications a host lost between the alert's commit and its outbox rows")]
    public static partial void AnnouncementsRecovered(ILogger logger, int count);

    [LoggerMessage(EventId = 2092, Level = LogLevel.Warning, Message = "Alert announcement recovery cannot read the database ({Failures} failures in a row); next try in {Delay}")]
    public static partial void AnnouncementRecoveryFailed(ILogger logger, Exception exception, int failures, TimeSpan delay);
}
