using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Alerts.Tests.Fakes;

/// <summary>Builds stored mentions for tests.</summary>
internal static class Mentions
{
    public static StoredMention Stored(
        long id,
        string text = "My order never arrived and support ignores me",
        string brand = "acme",
        string source = "x",
        string authorId = "u1",
        long followers = 100,
        string? language = "en",
        SentimentLabel sentiment = SentimentLabel.Negative,
        float complaint = 0.9f,
        EscalationLevel level = EscalationLevel.Medium,
        IReadOnlyList<Reason>? reasons = null,
        bool scored = true) =>
        new(
            id,
            new Mention
            {
                Source = source,
                ExternalId = $"ext-{id}",
                Brand = brand,
                Text = text,
                Author = new MentionAuthor(authorId, "handle_" + authorId, null, followers, false),
                Language = language,
                CreatedAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero),
            },
            scored
                ? new MentionScore(
                    new SentimentScore(sentiment, sentiment == SentimentLabel.Negative ? 0.8f : 0.1f, 0.1f, sentiment == SentimentLabel.Positive ? 0.8f : 0.1f),
                    complaint,
                    new EscalationScore(level switch { EscalationLevel.Critical => 0.95f, EscalationLevel.High => 0.75f, _ => 0.4f }, level, reasons ?? []),
                    "test")
                : null,
            false);
}
