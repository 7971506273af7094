using System.Text.Json;
using Dapper;
using SocialWatch.Alerts.Storage.Workflow;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Storage.SqlServer;

internal sealed class SqlServerMentionStore(SqlServerConnectionFactory connections, TimeProvider timeProvider) : IMentionStore
{
    // HOLDLOCK keeps the key range locked to the end of the transaction, so two hosts polling the same first page
    // cannot both insert the cursor row: the second waits, then finds a value and changes nothing.
    private const string CreateCursorSql = """
        MERGE dbo.cursors WITH (HOLDLOCK) AS c
        USING (SELECT @QueryKey AS query_key) AS s ON c.query_key = s.query_key
        WHEN MATCHED AND c.value IS NULL THEN
            UPDATE SET value = @NewCursor, updated_at = @UpdatedAt
        WHEN NOT MATCHED THEN
            INSERT (query_key, value, updated_at) VALUES (@QueryKey, @NewCursor, @UpdatedAt);
        """;

    private const string MoveCursorSql = """
        UPDATE dbo.cursors SET value = @NewCursor, updated_at = @UpdatedAt
        WHERE query_key = @QueryKey AND value = @ExpectedCursor;
        """;

    // One statement per page: the page travels as one JSON parameter. UPDLOCK + HOLDLOCK on the existence check
    // lock the (source, external_id) range, so a concurrent page with the same post waits instead of failing on
    // the unique key. The page is de-duplicated in code first, since NOT EXISTS cannot see rows of the same statement.
    private const string InsertMentionsSql = """
        INSERT INTO dbo.mentions (
            source, external_id, brand, [text], author_id, author_handle, author_display_name, author_followers, author_verified,
            likes, reposts, replies, quotes, url, lang, conversation_id, created_at, ingested_at,
            sentiment, p_negative, p_neutral, p_positive, complaint, escalation_score, escalation_level, reasons, model_version)
        OUTPUT inserted.id AS Id, inserted.source AS Source, inserted.external_id AS ExternalId
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
              AND m.external_id = j.external_id COLLATE Latin1_General_100_BIN2);
        """;

    public async Task<StoreBatchResult> StoreBatchAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = SqlServerTime.ToDb(timeProvider.GetUtcNow());
        var moved = await connection.ExecuteAsync(new CommandDefinition(
            batch.ExpectedCursor is null ? CreateCursorSql : MoveCursorSql,
            new { batch.QueryKey, batch.NewCursor, batch.ExpectedCursor, UpdatedAt = now },
            transaction,
            cancellationToken: cancellationToken));
        if (moved == 0)
        {
            throw new CursorConflictException(batch.QueryKey);
        }

        var unique = MentionBatches.FirstOfEachKey(batch.Mentions);
        var inserted = new List<StoredMention>();
        if (unique.Count > 0)
        {
            var keys = await connection.QueryAsync<InsertedKey>(new CommandDefinition(
                InsertMentionsSql, new { Page = ToJson(unique) }, transaction, cancellationToken: cancellationToken));
            inserted = MentionBatches.InInputOrder(unique, keys);
        }

        var handOver = await MentionHandOvers.RecordAsync(connection, transaction, SqlServerHandOverStore.InsertSql, batch, inserted, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StoreBatchResult(batch.Mentions.Count, inserted, handOver);
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
            ca = SqlServerTime.ToJson(m.CreatedAt),
            ia = SqlServerTime.ToJson(m.IngestedAt),
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

    private const string GetCursorSql = "SELECT value FROM dbo.cursors WHERE query_key = @queryKey;";

    public async Task<string?> GetCursorAsync(string queryKey, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(
            new CommandDefinition(GetCursorSql, new { queryKey }, cancellationToken: cancellationToken));
    }

    private const string GetMentionSql = $"SELECT {MentionRowColumns.Select} FROM dbo.mentions WHERE id = @id;";

    public async Task<StoredMention?> GetMentionAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MentionRow<DateTimeOffset>>(
            new CommandDefinition(GetMentionSql, new { id }, cancellationToken: cancellationToken));
        return row?.ToStoredMention(SqlServerTime.FromDb);
    }

    private const string FindMentionSql = $"SELECT {MentionRowColumns.Select} FROM dbo.mentions WHERE source = @source AND external_id = @externalId;";

    public async Task<StoredMention?> FindMentionAsync(string source, string externalId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MentionRow<DateTimeOffset>>(
            new CommandDefinition(FindMentionSql, new { source, externalId }, cancellationToken: cancellationToken));
        return row?.ToStoredMention(SqlServerTime.FromDb);
    }

    // RECOMPILE lets the optimizer see the actual values and drop the unused filters, so the brand, author or
    // id index is used instead of one plan shaped for every combination.
    private const string GetMentionsSql = $"""
        SELECT TOP (@Limit) {MentionRowColumns.Select} FROM dbo.mentions
        WHERE (@Brand IS NULL OR brand = @Brand)
          AND (@Source IS NULL OR source = @Source)
          AND (@AuthorId IS NULL OR author_id = @AuthorId)
          AND (@Since IS NULL OR created_at >= @Since)
          AND (@Until IS NULL OR created_at < @Until)
          AND (@BeforeId IS NULL OR id < @BeforeId)
          AND (@TeamsJson = N'[]'
               OR id IN (SELECT a.mention_id FROM dbo.alerts a WHERE a.mention_id IS NOT NULL
                         AND a.team IN (SELECT [value] FROM OPENJSON(@TeamsJson))))
        ORDER BY id DESC
        OPTION (RECOMPILE);
        """;

    public async Task<IReadOnlyList<StoredMention>> GetMentionsAsync(MentionQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MentionRow<DateTimeOffset>>(new CommandDefinition(GetMentionsSql, new
        {
            query.Brand,
            query.Source,
            query.AuthorId,
            Since = SqlServerTime.ToDb(query.Since),
            Until = SqlServerTime.ToDb(query.Until),
            query.BeforeId,
            Limit = Math.Max(0, query.Limit),
            TeamsJson = System.Text.Json.JsonSerializer.Serialize(query.Teams),
        }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStoredMention(SqlServerTime.FromDb)).ToList();
    }

    private const string GetMentionsWithOpenAlertsSql = $"""
        SELECT TOP (@limit) {MentionRowColumns.Select} FROM dbo.mentions
        WHERE source = @source AND redacted = 0
          AND id IN (SELECT a.mention_id FROM dbo.alerts AS a WHERE a.is_open = 1 AND a.mention_id IS NOT NULL)
        ORDER BY id DESC;
        """;

    public async Task<IReadOnlyList<StoredMention>> GetMentionsWithOpenAlertsAsync(string source, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MentionRow<DateTimeOffset>>(
            new CommandDefinition(GetMentionsWithOpenAlertsSql, new { source, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStoredMention(SqlServerTime.FromDb)).ToList();
    }

    private const string InsertSnapshotSql = """
        INSERT INTO dbo.engagement_snapshots (mention_id, at, likes, reposts, replies, quotes)
        VALUES (@MentionId, @At, @Likes, @Reposts, @Replies, @Quotes);
        """;

    private const string UpdateMetricsSql = """
        UPDATE dbo.mentions SET likes = @Likes, reposts = @Reposts, replies = @Replies, quotes = @Quotes WHERE id = @MentionId;
        """;

    public async Task AddSnapshotsAsync(IReadOnlyList<EngagementSnapshot> snapshots, CancellationToken cancellationToken)
    {
        if (snapshots.Count == 0)
        {
            return;
        }

        // Oldest first, so a mention ends up with the metrics of its latest snapshot.
        var rows = snapshots.OrderBy(s => s.At).Select(s => new
        {
            s.MentionId,
            At = SqlServerTime.ToDb(s.At),
            s.Metrics.Likes,
            s.Metrics.Reposts,
            s.Metrics.Replies,
            s.Metrics.Quotes,
        }).ToList();

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertSnapshotSql, rows, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(UpdateMetricsSql, rows, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    private const string GetSnapshotsSql = """
        SELECT mention_id AS MentionId, at AS At, likes AS Likes, reposts AS Reposts, replies AS Replies, quotes AS Quotes
        FROM dbo.engagement_snapshots WHERE mention_id = @mentionId ORDER BY at, id;
        """;

    public async Task<IReadOnlyList<EngagementSnapshot>> GetSnapshotsAsync(long mentionId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SnapshotRow<DateTimeOffset>>(
            new CommandDefinition(GetSnapshotsSql, new { mentionId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSnapshot(SqlServerTime.FromDb)).ToList();
    }

    private const string RedactSql = """
        UPDATE dbo.mentions
        SET [text] = N'', author_id = N'', author_handle = N'', author_display_name = NULL, author_followers = 0,
            author_verified = 0, url = NULL, redacted = 1
        WHERE source = @source AND redacted = 0
          AND external_id IN (SELECT [value] COLLATE Latin1_General_100_BIN2 FROM OPENJSON(@externalIds));
        """;

    public async Task<int> RedactAsync(string source, IReadOnlyList<string> externalIds, CancellationToken cancellationToken)
    {
        if (externalIds.Count == 0)
        {
            return 0;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            RedactSql, new { source, externalIds = JsonSerializer.Serialize(externalIds.Distinct(StringComparer.Ordinal)) }, cancellationToken: cancellationToken));
    }
}
