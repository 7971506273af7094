using Hangfire;
using Microsoft.Extensions.Logging;
using SocialWatch.Core.Digests;

namespace SocialWatch.Alerts.Digests;

/// <summary>Keeps one Hangfire recurring job per enabled subscription, firing on its cron in its time zone.</summary>
public sealed class DigestScheduler(IRecurringJobManager jobs, IDigestSubscriptionStore subscriptions, ILogger<DigestScheduler> logger)
{
    public static string JobId(long subscriptionId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"digest:{subscriptionId}");

    /// <summary>Adds or updates the job of a subscription; a disabled subscription loses its job.</summary>
    public void Schedule(DigestSubscription subscription)
    {
        if (!subscription.Enabled)
        {
            Unschedule(subscription.Id);
            return;
        }

        var schedule = DigestSchedule.For(subscription);
        var id = subscription.Id;

        // Relaxed misfire handling fires a missed occurrence once when the servers are back; the job itself then
        // sends only the latest due period, so a long outage yields one digest.
        jobs.AddOrUpdate<DigestJob>(
            JobId(id),
            job => job.RunAsync(id, CancellationToken.None),
            schedule.Cron,
            new RecurringJobOptions { TimeZone = schedule.TimeZone, MisfireHandling = MisfireHandlingMode.Relaxed });
        DigestLog.Scheduled(logger, id, schedule.Cron, schedule.TimeZone.Id);
    }

    public void Unschedule(long subscriptionId)
    {
        jobs.RemoveIfExists(JobId(subscriptionId));
        DigestLog.Unscheduled(logger, subscriptionId);
    }

    /// <summary>Brings the recurring jobs in line with the stored subscriptions; Host calls this at start-up.</summary>
    public async Task<int> ScheduleAllAsync(CancellationToken cancellationToken)
    {
        var all = await subscriptions.ListAsync(cancellationToken);
        foreach (var subscription in all)
        {
            Schedule(subscription);
        }

        return all.Count(s => s.Enabled);
    }
}
