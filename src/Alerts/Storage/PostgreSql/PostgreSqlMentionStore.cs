using Dapper;
using SocialWatch.Alerts.Storage.Workflow;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Storage.PostgreSql;

internal sealed class PostgreSqlMentionStore(PostgreSqlConnectionFactory connections, TimeProvider timeProvider) : IMentionStore
{
    // The first poll of a query may only create the cursor (or fill one stored as null). A second host that read
    // the same first page waits on the new row's lock and then finds a value, so it changes nothing.
    private const string CreateCursorSql = """
        INSERT INTO cursors (query_key, value, updated_at) VALUES (@QueryKey, @NewCursor, @UpdatedAt)
        ON CONFLICT (query_key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
        WHERE cursors.value IS NULL
        """;

    // Under READ COMMITTED a concurrent mover blocks on the row and re-checks the value after the winner commits.
    private const string MoveCursorSql = """
        UPDATE cursors SET value = @NewCursor, updated_at = @UpdatedAt
        WHERE query_key = @QueryKey AND value = @ExpectedCursor
        """;

    // One statement per page: the columns travel as arrays and unnest turns them back into rows.
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
        ON CONFLICT (source, external_id) DO NOTHING
        RETURNING id AS Id, source AS Source, external_id AS ExternalId
        """;

    public async Task<StoreBatchResult> StoreBatchAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = PostgreSqlTime.ToDb(timeProvider.GetUtcNow());
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
                InsertMentionsSql, ToArrays(unique), transaction, cancellationToken: cancellationToken));
            inserted = MentionBatches.InInputOrder(unique, keys);
        }

        var handOver = await MentionHandOvers.RecordAsync(connection, transaction, HandOverStatements.InsertSql, batch, inserted, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StoreBatchResult(batch.Mentions.Count, inserted, handOver);
    }

    private static object ToArrays(IReadOnlyList<ScoredMention> mentions) => new
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
        CreatedAts = mentions.Select(m => PostgreSqlTime.ToDb(m.Mention.CreatedAt)).ToArray(),
        IngestedAts = mentions.Select(m => PostgreSqlTime.ToDb(m.Mention.IngestedAt)).ToArray(),
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

    private const string GetCursorSql = "SELECT value FROM cursors WHERE query_key = @queryKey";

    public async Task<string?> GetCursorAsync(string queryKey, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(
            new CommandDefinition(GetCursorSql, new { queryKey }, cancellationToken: cancellationToken));
    }

    private const string GetMentionSql = $"SELECT {MentionRowColumns.Select} FROM mentions WHERE id = @id";

    public async Task<StoredMention?> GetMentionAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MentionRow<DateTime>>(
            new CommandDefinition(GetMentionSql, new { id }, cancellationToken: cancellationToken));
        return row?.ToStoredMention(PostgreSqlTime.FromDb);
    }

    private const string FindMentionSql = $"SELECT {MentionRowColumns.Select} FROM mentions WHERE source = @source AND external_id = @externalId";

    public async Task<StoredMention?> FindMentionAsync(string source, string externalId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MentionRow<DateTime>>(
            new CommandDefinition(FindMentionSql, new { source, externalId }, cancellationToken: cancellationToken));
        return row?.ToStoredMention(PostgreSqlTime.FromDb);
    }

    // Npgsql sends these unprepared, so PostgreSQL plans each call with the actual values and drops the unused filters.
    private const string GetMentionsSql = $"""
        SELECT {MentionRowColumns.Select} FROM mentions
        WHERE (@Brand::text IS NULL OR brand = @Brand::text)
          AND (@Source::text IS NULL OR source = @Source::text)
          AND (@AuthorId::text IS NULL OR author_id = @AuthorId::text)
          AND (@Since::timestamptz IS NULL OR created_at >= @Since::timestamptz)
          AND (@Until::timestamptz IS NULL OR created_at < @Until::timestamptz)
          AND (@BeforeId::bigint IS NULL OR id < @BeforeId::bigint)
          AND (cardinality(@Teams::text[]) = 0
               OR id IN (SELECT a.mention_id FROM alerts a WHERE a.mention_id IS NOT NULL AND lower(a.team) = ANY(@Teams::text[])))
        ORDER BY id DESC
        LIMIT @Limit
        """;

    public async Task<IReadOnlyList<StoredMention>> GetMentionsAsync(MentionQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MentionRow<DateTime>>(new CommandDefinition(GetMentionsSql, new
        {
            query.Brand,
            query.Source,
            query.AuthorId,
            Since = PostgreSqlTime.ToDb(query.Since),
            Until = PostgreSqlTime.ToDb(query.Until),
            query.BeforeId,
            Limit = Math.Max(0, query.Limit),
            Teams = query.Teams.Select(t => t.ToLowerInvariant()).ToArray(),
        }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStoredMention(PostgreSqlTime.FromDb)).ToList();
    }

    private const string GetMentionsWithOpenAlertsSql = $"""
        SELECT {MentionRowColumns.Select} FROM mentions
        WHERE source = @source AND NOT redacted
          AND id IN (SELECT a.mention_id FROM alerts a WHERE a.is_open AND a.mention_id IS NOT NULL)
        ORDER BY id DESC
        LIMIT @limit
        """;

    public async Task<IReadOnlyList<StoredMention>> GetMentionsWithOpenAlertsAsync(string source, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MentionRow<DateTime>>(
            new CommandDefinition(GetMentionsWithOpenAlertsSql, new { source, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStoredMention(PostgreSqlTime.FromDb)).ToList();
    }

    private const string InsertSnapshotSql = """
        INSERT INTO engagement_snapshots (mention_id, at, likes, reposts, replies, quotes)
        VALUES (@MentionId, @At, @Likes, @Reposts, @Replies, @Quotes)
        """;

    private const string UpdateMetricsSql = """
        UPDATE mentions SET likes = @Likes, reposts = @Reposts, replies = @Replies, quotes = @Quotes WHERE id = @MentionId
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
            At = PostgreSqlTime.ToDb(s.At),
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
        FROM engagement_snapshots WHERE mention_id = @mentionId ORDER BY at, id
        """;

    public async Task<IReadOnlyList<EngagementSnapshot>> GetSnapshotsAsync(long mentionId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SnapshotRow<DateTime>>(
            new CommandDefinition(GetSnapshotsSql, new { mentionId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSnapshot(PostgreSqlTime.FromDb)).ToList();
    }

    private const string RedactSql = """
        UPDATE mentions
        SET text = '', author_id = '', author_handle = '', author_display_name = NULL, author_followers = 0,
            author_verified = false, url = NULL, redacted = true
        WHERE source = @source AND external_id = ANY(@externalIds::text[]) AND NOT redacted
        """;

    public async Task<int> RedactAsync(string source, IReadOnlyList<string> externalIds, CancellationToken cancellationToken)
    {
        if (externalIds.Count == 0)
        {
            return 0;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            RedactSql, new { source, externalIds = externalIds.Distinct(StringComparer.Ordinal).ToArray() }, cancellationToken: cancellationToken));
    }
}
