using SocialWatch.Core.Digests;

namespace SocialWatch.Alerts.Digests;

/// <summary>What the next digest of a subscription looks like right now: the period so far, rendered but not sent.</summary>
/// <param name="Html">The e-mail HTML with the chart as a data: URI, to show in a sandboxed iframe.</param>
public sealed record DigestPreviewResult(long SubscriptionId, DigestPeriod Period, DateTimeOffset SendAt, string Subject, string Html, string Text, bool IsQuiet);

/// <summary>Renders the next digest of a subscription without sending it or recording anything.</summary>
public sealed class PreviewDigest(IDigestSubscriptionStore subscriptions, DigestComposer composer, TimeProvider time)
{
    /// <summary>Returns the preview, or null when the subscription does not exist.</summary>
    public async Task<DigestPreviewResult?> HandleAsync(long subscriptionId, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.GetAsync(subscriptionId, cancellationToken);
        if (subscription is null)
        {
            return null;
        }

        var schedule = DigestSchedule.For(subscription);
        var now = time.GetUtcNow();
        var period = schedule.Next(now);
        var digest = await composer.ComposeAsync(subscription, schedule, period, now, ChartEmbedding.DataUri, cancellationToken);
        return new DigestPreviewResult(subscriptionId, period, period.End, digest.Rendered.Subject, digest.Rendered.Html, digest.Rendered.Text, digest.Report.IsQuiet);
    }
}
