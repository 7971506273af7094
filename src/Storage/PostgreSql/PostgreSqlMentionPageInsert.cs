using System.Data.Common;
using Dapper;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Storage;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.PostgreSql;

/// <summary>One statement per page: the columns travel as arrays and unnest turns them back into rows.</summary>
internal sealed class PostgreSqlMentionPageInsert(PostgreSqlDialect dialect) : IMentionPageInsert
{
    private const string InsertMentionsSql = """
        INSERT INTO mentions (
            source, external_id, brand, text, author_id, author_handle, author_display_name, author_followers, author_verified,
            likes, reposts, replies, quotes, url, lang, conversation_id, created_at, ingested_at,
            sentiment, p_negative, p_neutral, p_positive, complaint, escalation_score, escalation_level, reasons, model_version)
        SELECT * FROM unnest(
            @Sources::text[], @ExternalIds::text[], @Brands::text[], @Texts::text[], @AuthorIds::text[], @AuthorHandles::text[],
            @AuthorDisplayNames::text[], @AuthorFollowers::bigint[], @AuthorVerified::boolean[],
            @Likes::bigint[], @Reposts::bigint[], @Replies::bigint[], @Quotes::bigint[],
            @Urls::text[], @Langs::text[], @ConversationIds::text[], @CreatedAts::timestamptz[], @IngestedAts::timestamptz[],
            @Sentiments::text[], @PNegatives::real[], @PNeutrals::real[], @PPositives::real[], @Complaints::real[],
            @EscalationScores::real[], @EscalationLevels::text[], @Reasons::text[], @ModelVersions::text[])
        ON CONFLICT (source, external_id, brand) DO NOTHING
        RETURNING id AS Id, source AS Source, external_id AS ExternalId, brand AS Brand
        """;

    public async Task<IReadOnlyList<StoredMention>> InsertAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<ScoredMention> mentions, CancellationToken cancellationToken)
    {
        var unique = MentionBatches.FirstOfEachKey(mentions);
        var keys = await connection.QueryAsync<InsertedKey>(new CommandDefinition(
            InsertMentionsSql, ToArrays(unique), transaction, cancellationToken: cancellationToken));
        return MentionBatches.InInputOrder(unique, keys);
    }

    // timestamptz[] needs typed arrays: the dialect's parameter form of a time is a UTC DateTime.
    private object ToArrays(IReadOnlyList<ScoredMention> mentions) => new
    {
        Sources = mentions.Select(m => m.Mention.Source).ToArray(),
        ExternalIds = mentions.Select(m => m.Mention.ExternalId).ToArray(),
        Brands = mentions.Select(m => m.Mention.Brand).ToArray(),
        Texts = mentions.Select(m => m.Mention.Text).ToArray(),
        AuthorIds = mentions.Select(m => m.Mention.Author.Id).ToArray(),
        AuthorHandles = mentions.Select(m => m.Mention.Author.Handle).ToArray(),
        AuthorDisplayNames = mentions.Select(m => m.Mention.Author.DisplayName).ToArray(),
        AuthorFollowers = mentions.Select(m => m.Mention.Author.Followers).ToArray(),
        AuthorVerified = mentions.Select(m => m.Mention.Author.Verified).ToArray(),
        Likes = mentions.Select(m => m.Mention.Metrics.Likes).ToArray(),
        Reposts = mentions.Select(m => m.Mention.Metrics.Reposts).ToArray(),
        Replies = mentions.Select(m => m.Mention.Metrics.Replies).ToArray(),
        Quotes = mentions.Select(m => m.Mention.Metrics.Quotes).ToArray(),
        Urls = mentions.Select(m => m.Mention.Url).ToArray(),
        Langs = mentions.Select(m => m.Mention.Language).ToArray(),
        ConversationIds = mentions.Select(m => m.Mention.ConversationId).ToArray(),
        CreatedAts = mentions.Select(m => (DateTime)dialect.ToDb(m.Mention.CreatedAt)).ToArray(),
        IngestedAts = mentions.Select(m => (DateTime)dialect.ToDb(m.Mention.IngestedAt)).ToArray(),
        Sentiments = mentions.Select(m => m.Score.Sentiment.Label.ToString()).ToArray(),
        PNegatives = mentions.Select(m => m.Score.Sentiment.Negative).ToArray(),
        PNeutrals = mentions.Select(m => m.Score.Sentiment.Neutral).ToArray(),
        PPositives = mentions.Select(m => m.Score.Sentiment.Positive).ToArray(),
        Complaints = mentions.Select(m => m.Score.Complaint).ToArray(),
        EscalationScores = mentions.Select(m => m.Score.Escalation.Score).ToArray(),
        EscalationLevels = mentions.Select(m => m.Score.Escalation.Level.ToString()).ToArray(),
        Reasons = mentions.Select(m => StorageJson.SerializeReasons(m.Score.Escalation.Reasons)).ToArray(),
        ModelVersions = mentions.Select(m => m.Score.ModelVersion).ToArray(),
    };
}
