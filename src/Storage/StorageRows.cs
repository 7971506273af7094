using SocialWatch.Core.Alerts;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

namespace SocialWatch.Storage;

/// <summary>
/// The mention columns under the names <see cref="Stores.StoredMentionRow"/> reads, for every store that selects whole
/// mentions (the mention stores, the watch list); the same text in every dialect.
/// </summary>
internal static class MentionRowColumns
{
    public const string Select = """
        id AS Id, source AS Source, external_id AS ExternalId, brand AS Brand, text AS Text,
        author_id AS AuthorId, author_handle AS AuthorHandle, author_display_name AS AuthorDisplayName,
        author_followers AS AuthorFollowers, author_verified AS AuthorVerified,
        likes AS Likes, reposts AS Reposts, replies AS Replies, quotes AS Quotes,
        url AS Url, lang AS Lang, conversation_id AS ConversationId, created_at AS CreatedAt, ingested_at AS IngestedAt,
        redacted AS Redacted, sentiment AS Sentiment, p_negative AS PNegative, p_neutral AS PNeutral, p_positive AS PPositive,
        complaint AS Complaint, escalation_score AS EscalationScore, escalation_level AS EscalationLevel,
        reasons AS Reasons, model_version AS ModelVersion
        """;
}
