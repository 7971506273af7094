using System.ComponentModel.DataAnnotations;
using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Notifications;

public sealed class NotificationOptions
{
    public const string SectionName = "Alerts:Notifications";

    /// <summary>Events waiting for delivery; when full the oldest are dropped rather than slowing ingest.</summary>
    [Range(16, 1_000_000)]
    public int QueueCapacity { get; set; } = 10_000;

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

    [Range(1, 20)]
    public int WebhookMaxAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan WebhookFirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan WebhookMaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

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
}
