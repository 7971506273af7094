using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Storage;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

/// <summary>One statement per page: the page travels as one JSON parameter.</summary>
internal sealed class SqlServerMentionPageInsert : IMentionPageInsert
{
    // UPDLOCK + HOLDLOCK on the existence check lock the (source, external_id, brand) range, so a concurrent page with the
    // same post for the same brand waits instead of failing on the unique key. The page is de-duplicated in code first, since NOT EXISTS
    // cannot see rows of the same statement.
    private const string InsertMentionsSql = """
        INSERT INTO dbo.mentions (
            source, external_id, brand, [text], author_id, author_handle, author_display_name, author_followers, author_verified,
            likes, reposts, replies, quotes, url, lang, conversation_id, created_at, ingested_at,
            sentiment, p_negative, p_neutral, p_positive, complaint, escalation_score, escalation_level, reasons, model_version)
        OUTPUT inserted.id AS Id, inserted.source AS Source, inserted.external_id AS ExternalId, inserted.brand AS Brand
        SELECT
            j.source, j.external_id, j.brand, j.[text], j.author_id, j.author_handle, j.author_display_name, j.author_followers,
            j.author_verified, j.likes, j.reposts, j.replies, j.quotes, j.url, j.lang, j.conversation_id, j.created_at, j.ingested_at,
            j.sentiment, j.p_negative, j.p_neutral, j.p_positive, j.complaint, j.escalation_score, j.escalation_level, j.reasons,
            j.model_version
        FROM OPENJSON(@Page) WITH (
            source nvarchar(32) '$.s',
            external_id nvarchar(256) '$.e',
            brand nvarchar(200) '$.b',
            [text] nvarchar(max) '$.t',
            author_id nvarchar(256) '$.ai',
            author_handle nvarchar(400) '$.ah',
            author_display_name nvarchar(400) '$.ad',
            author_followers bigint '$.af',
            author_verified bit '$.av',
            likes bigint '$.l',
            reposts bigint '$.rp',
            replies bigint '$.rl',
            quotes bigint '$.q',
            url nvarchar(2048) '$.u',
            lang nvarchar(16) '$.lg',
            conversation_id nvarchar(256) '$.c',
            created_at datetimeoffset(7) '$.ca',
            ingested_at datetimeoffset(7) '$.ia',
            sentiment nvarchar(16) '$.se',
            p_negative real '$.pn',
            p_neutral real '$.pu',
            p_positive real '$.pp',
            complaint real '$.co',
            escalation_score real '$.es',
            escalation_level nvarchar(16) '$.el',
            reasons nvarchar(max) '$.r',
            model_version nvarchar(100) '$.mv'
        ) AS j
        WHERE NOT EXISTS (
            SELECT 1 FROM dbo.mentions AS m WITH (UPDLOCK, HOLDLOCK)
            WHERE m.source = j.source COLLATE Latin1_General_100_BIN2
              AND m.external_id = j.external_id COLLATE Latin1_General_100_BIN2
              AND m.brand = j.brand);
        """;

    public async Task<IReadOnlyList<StoredMention>> InsertAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<ScoredMention> mentions, CancellationToken cancellationToken)
    {
        var unique = MentionBatches.FirstOfEachKey(mentions);
        var keys = await connection.QueryAsync<InsertedKey>(new CommandDefinition(
            InsertMentionsSql, new { Page = ToJson(unique) }, transaction, cancellationToken: cancellationToken));
        return MentionBatches.InInputOrder(unique, keys);
    }

    private static string ToJson(IReadOnlyList<ScoredMention> mentions) => JsonSerializer.Serialize(mentions.Select(scored =>
    {
        var (m, score) = (scored.Mention, scored.Score);
        return new
        {
            s = m.Source,
            e = m.ExternalId,
            b = m.Brand,
            t = m.Text,
            ai = m.Author.Id,
            ah = m.Author.Handle,
            ad = m.Author.DisplayName,
            af = m.Author.Followers,
            av = m.Author.Verified,
            l = m.Metrics.Likes,
            rp = m.Metrics.Reposts,
            rl = m.Metrics.Replies,
            q = m.Metrics.Quotes,
            u = m.Url,
            lg = m.Language,
            c = m.ConversationId,
            ca = JsonTime(m.CreatedAt),
            ia = JsonTime(m.IngestedAt),
            se = score.Sentiment.Label.ToString(),
            pn = score.Sentiment.Negative,
            pu = score.Sentiment.Neutral,
            pp = score.Sentiment.Positive,
            co = score.Complaint,
            es = score.Escalation.Score,
            el = score.Escalation.Level.ToString(),
            r = StorageJson.SerializeReasons(score.Escalation.Reasons),
            mv = score.ModelVersion,
        };
    }));

    /// <summary>Text form OPENJSON converts to datetimeoffset without a style (a time inside the JSON, not a parameter).</summary>
    private static string JsonTime(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'+00:00'", CultureInfo.InvariantCulture);
}
