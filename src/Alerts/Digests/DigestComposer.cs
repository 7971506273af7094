using SocialWatch.Alerts.Email;
using SocialWatch.Core.Digests;

namespace SocialWatch.Alerts.Digests;

/// <summary>A digest built, rendered and wrapped as an e-mail, ready to send.</summary>
public sealed record ComposedDigest(DigestReport Report, RenderedDigest Rendered, EmailMessage Message);

/// <summary>Builds the report of a period and renders it; shared by the send job and the preview.</summary>
public sealed class DigestComposer(DigestBuilder builder)
{
    public async Task<ComposedDigest> ComposeAsync(DigestSubscription subscription, DigestSchedule schedule, DigestPeriod period, DateTimeOffset now, ChartEmbedding embedding, CancellationToken cancellationToken)
    {
        var report = await builder.BuildAsync(subscription, schedule, period, now, cancellationToken);
        var rendered = DigestRenderer.Render(report, embedding);
        var message = new EmailMessage
        {
            To = subscription.Recipients,
            Subject = rendered.Subject,
            TextBody = rendered.Text,
            HtmlBody = rendered.Html,
            InlineImages = rendered.ChartPng is { } png && embedding == ChartEmbedding.ContentId
                ? [new InlineImage(rendered.ChartContentId, "volume-chart.png", "image/png", png)]
                : [],
            MessageId = MessageIdFor(subscription.Id, period),
        };
        return new ComposedDigest(report, rendered, message);
    }

    /// <summary>
    /// The same digest always gets the same Message-ID, so that in the one case where a duplicate cannot be ruled out
    /// (the connection drops after the server took the message but before it said so) mail clients can fold the two.
    /// </summary>
    internal static string MessageIdFor(long subscriptionId, DigestPeriod period) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"digest.{subscriptionId}.{period.End.ToUnixTimeSeconds()}@socialwatch");
}
