using System.ComponentModel.DataAnnotations;
using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Notifications;

public sealed class NotificationOptions
{
    public const string SectionName = "Alerts:Notifications";

    /// <summary>Events a slow dashboard subscriber may lag behind before it misses some.</summary>
    [Range(16, 100_000)]
    public int SubscriberBuffer { get; set; } = 1_000;

    /// <summary>How often each web host reads the alert changes committed by every host (workers, other web hosts).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan LiveTailInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Changes read per query; a backlog is read in several queries within one round.</summary>
    [Range(10, 10_000)]
    public int LiveTailBatch { get; set; } = 500;

    /// <summary>
    /// How long a missing change position is re-read before it counts as rolled back. Commits finish within
    /// milliseconds of taking the position, so this only needs to outlast a slow commit.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LiveTailGapTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest wait between retries while the database cannot be read.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan LiveTailMaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Incoming webhooks (Slack or Teams compatible) that get alerts.</summary>
    public List<WebhookTarget> Webhooks { get; set; } = [];

    /// <summary>Tries of each webhook post and critical e-mail before the outbox row is given up (kept, with its last error).</summary>
    [Range(1, 50)]
    public int WebhookMaxAttempts { get; set; } = 12;

    /// <summary>Wait after the first failed try; it doubles after each one (or follows the receiver's Retry-After).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan WebhookFirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00.010", "06:00:00")]
    public TimeSpan WebhookMaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often each host looks for due outbox rows when the last look found none.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Rows one host claims at a time.</summary>
    [Range(1, 1_000)]
    public int OutboxBatch { get; set; } = 100;

    /// <summary>Posts and e-mails one host sends at the same time.</summary>
    [Range(1, 64)]
    public int OutboxParallelism { get; set; } = 4;

    /// <summary>
    /// How long a claim holds its rows; a host that dies mid-send leaves them to another host after this. It must
    /// outlast a batch's sends (each at most <see cref="WebhookTimeout"/>).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan OutboxLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long each webhook's and e-mail's tries are kept for the admin webhooks page (its last delivery and failure).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan DeliveryLogRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often every host looks for recent alerts whose announcement a host lost (it died between the alert's commit and its outbox rows).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan AnnouncementRecoveryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How old an unannounced alert must be before the recovery announces it: the queue normally does it within
    /// milliseconds, and the recovery announcing first is harmless (it is once either way) but loses the event's detail.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan AnnouncementRecoveryGrace { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How far back the recovery looks: an alert older than this that was never announced is left unannounced.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan AnnouncementRecoveryWindow { get; set; } = TimeSpan.FromDays(1);

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Alerts at this priority are critical: e-mailed at once to the team lead and these addresses.</summary>
    public AlertPriority CriticalPriority { get; set; } = AlertPriority.Urgent;

    public List<string> CriticalEmailTo { get; set; } = [];

    /// <summary>Base address of the web UI for links in messages; null leaves links out.</summary>
    public Uri? DashboardBaseUrl { get; set; }
}

/// <summary>One incoming webhook. Its URL is a secret: keep it in configuration, never in the repository.</summary>
public sealed class WebhookTarget
{
    [Required]
    public string Name { get; set; } = "";

    [Required]
    public Uri? Url { get; set; }

    /// <summary>Only alerts at or above this priority are posted.</summary>
    public AlertPriority MinPriority { get; set; } = AlertPriority.High;

    /// <summary>Only alerts of these brands; empty means all.</summary>
    public List<string> Brands { get; set; } = [];

    /// <summary>
    /// Signs each post with HMAC-SHA256 (headers X-SocialWatch-Timestamp and X-SocialWatch-Signature); a secret like
    /// the URL: keep it in configuration, never in the repository.
    /// </summary>
    public string? Secret { get; set; }
}
