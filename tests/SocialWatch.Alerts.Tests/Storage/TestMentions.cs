using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Alerts.Tests.Storage;

internal static class TestMentions
{
    public static ScoredMention Scored(
        string externalId,
        string brand = "acme",
        string source = "x",
        DateTimeOffset? createdAt = null,
        string text = "My order never arrived",
        string authorId = "u-1",
        float escalation = 0.6f) =>
        new(
            new Mention
            {
                Source = source,
                ExternalId = externalId,
                Brand = brand,
                Text = text,
                Author = new MentionAuthor(authorId, "handle_" + authorId, "Name " + authorId, 1234, false),
                Metrics = new EngagementMetrics(1, 2, 3, 4),
                Url = $"https://example.com/{source}/{externalId}",
                Language = "en",
                ConversationId = "conv-" + externalId,
                CreatedAt = createdAt ?? new DateTimeOffset(2026, 3, 14, 8, 0, 0, TimeSpan.Zero),
                IngestedAt = new DateTimeOffset(2026, 3, 14, 9, 0, 0, 123, TimeSpan.Zero),
            },
            new MentionScore(
                new SentimentScore(SentimentLabel.Negative, 0.75f, 0.2f, 0.05f),
                0.8f,
                new EscalationScore(escalation, EscalationLevel.High, [new Reason(ReasonCodes.LegalThreat, "legal threat", 1f), new Reason("large_reach", "large reach", 0.5f)]),
                "test-model-1"));
}
