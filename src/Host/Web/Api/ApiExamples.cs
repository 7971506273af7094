using SocialWatch.Core.Insights;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Host.Web.Api;

/// <summary>The example bodies of the OpenAPI document, built from the API's own records so they keep its shape.</summary>
internal static class ApiExamples
{
    private static readonly DateTimeOffset s_at = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public static QueueMention QueueMention { get; } = new(
        4711, "x", "@AcmeAir lost my bag twice this month, my lawyer will hear of it", "1234", "traveller", "A. Traveller", 48_000, false,
        "https://x.com/traveller/status/1", 35, 0.82f, EscalationLevel.High, 0.93f, s_at.AddMinutes(-4));

    public static AlertDto Alert { get; } = new(
        1042, "Mention", "AcmeAir", "care", "Urgent", "Claimed", "Legal threat from traveller",
        [new ReasonDto("legal_threat", "legal threat", 1f), new ReasonDto("author_reach", "author reach 48k", 0.34f)],
        "agent", s_at, s_at.AddMinutes(30), s_at.AddHours(24), null, 3, QueueMention);

    public static StoredMention Mention { get; } = new(
        4711,
        new Mention
        {
            Source = "x",
            ExternalId = "1",
            Brand = "AcmeAir",
            Text = QueueMention.Text,
            Author = new MentionAuthor("1234", "traveller", "A. Traveller", 48_000, false),
            Metrics = new EngagementMetrics(30, 3, 2, 0),
            Url = QueueMention.Url,
            Language = "en",
            CreatedAt = s_at.AddMinutes(-4),
            IngestedAt = s_at.AddMinutes(-3),
        },
        null,
        false);
}
