using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using SocialWatch.Alerts.Storage.Workflow;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Storage;
using SQLitePCL;

namespace SocialWatch.Alerts.Storage.Sqlite;

internal sealed class SqliteMentionStore(SqliteConnectionFactory connections, TimeProvider timeProvider) : IMentionStore
{
    // The first poll of a query may only create the cursor (or fill one stored as null); a second host
    // that also read the first page finds the row and changes nothing.
    private const string CreateCursorSql = """
        INSERT INTO cursors (query_key, value, updated_at) VALUES (@QueryKey, @NewCursor, @UpdatedAt)
        ON CONFLICT (query_key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
        WHERE cursors.value IS NULL
        """;

    private const string MoveCursorSql = """
        UPDATE cursors SET value = @NewCursor, updated_at = @UpdatedAt
        WHERE query_key = @QueryKey AND value = @ExpectedCursor
        """;

    private const string InsertMentionSql = """
        INSERT INTO mentions (
            source, external_id, brand, text, author_id, author_handle, author_display_name, author_followers, author_verified,
            likes, reposts, replies, quotes, url, lang, conversation_id, created_at, ingested_at, redacted,
            sentiment, p_negative, p_neutral, p_positive, complaint, escalation_score, escalation_level, reasons, model_version)
        VALUES (
            $source, $external_id, $brand, $text, $author_id, $author_handle, $author_display_name, $author_followers, $author_verified,
            $likes, $reposts, $replies, $quotes, $url, $lang, $conversation_id, $created_at, $ingested_at, 0,
            $sentiment, $p_negative, $p_neutral, $p_positive, $complaint, $escalation_score, $escalation_level, $reasons, $model_version)
        ON CONFLICT (source, external_id) DO NOTHING
        RETURNING id
        """;

    private static readonly string[] InsertMentionParameters =
    [
        "$source", "$external_id", "$brand", "$text", "$author_id", "$author_handle", "$author_display_name", "$author_followers",
        "$author_verified", "$likes", "$reposts", "$replies", "$quotes", "$url", "$lang", "$conversation_id", "$created_at",
        "$ingested_at", "$sentiment", "$p_negative", "$p_neutral", "$p_positive", "$complaint", "$escalation_score",
        "$escalation_level", "$reasons", "$model_version",
    ];

    public async Task<StoreBatchResult> StoreBatchAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);

        // BEGIN IMMEDIATE: the write lock is taken before the cursor is checked, so no other writer can move it between check and commit.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var now = SqliteTime.ToDb(timeProvider.GetUtcNow());
        var cursor = new
        {
            batch.QueryKey,
            batch.NewCursor,
            batch.ExpectedCursor,
            UpdatedAt = now,
        };
        var moved = await connection.ExecuteAsync(new CommandDefinition(
            batch.ExpectedCursor is null ? CreateCursorSql : MoveCursorSql, cursor, transaction, cancellationToken: cancellationToken));
        if (moved == 0)
        {
            throw new CursorConflictException(batch.QueryKey);
        }

        var inserted = InsertMentions(connection, batch.Mentions, cancellationToken);
        if (inserted.Count > 0)
        {
            SqliteAuthorIndex.MergeFullLevels(connection, transaction);
        }

        var handOver = await MentionHandOvers.RecordAsync(connection, transaction, HandOverStatements.InsertSql, batch, inserted, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StoreBatchResult(batch.Mentions.Count, inserted, handOver);
    }

    // One statement prepared per page and re-bound per row through the native handle, parameters bound by index:
    // SQLite has no network round trip, and per row the ADO.NET layer (parameter lookup by name, a reader per
    // ExecuteScalar) cost about as much as the insert itself. The statement runs on the connection inside the
    // page's transaction, so atomicity and the cursor check are unchanged.
    private static List<StoredMention> InsertMentions(
        SqliteConnection connection, IReadOnlyList<ScoredMention> mentions, CancellationToken cancellationToken)
    {
        var inserted = new List<StoredMention>(mentions.Count);
        if (mentions.Count == 0)
        {
            return inserted;
        }

        var db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(db, InsertMentionSql, out var statement), db);
        using (statement)
        {
            var p = new int[InsertMentionParameters.Length];
            for (var i = 0; i < p.Length; i++)
            {
                p[i] = raw.sqlite3_bind_parameter_index(statement, InsertMentionParameters[i]);
            }

            for (var row = 0; row < mentions.Count; row++)
            {
                if ((row & 255) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var (m, score) = StorageText.Clean(mentions[row]);
                BindText(statement, p[0], m.Source, db);
                BindText(statement, p[1], m.ExternalId, db);
                BindText(statement, p[2], m.Brand, db);
                BindText(statement, p[3], m.Text, db);
                BindText(statement, p[4], m.Author.Id, db);
                BindText(statement, p[5], m.Author.Handle, db);
                BindText(statement, p[6], m.Author.DisplayName, db);
                BindInt64(statement, p[7], m.Author.Followers, db);
                BindInt64(statement, p[8], m.Author.Verified ? 1 : 0, db);
                BindInt64(statement, p[9], m.Metrics.Likes, db);
                BindInt64(statement, p[10], m.Metrics.Reposts, db);
                BindInt64(statement, p[11], m.Metrics.Replies, db);
                BindInt64(statement, p[12], m.Metrics.Quotes, db);
                BindText(statement, p[13], m.Url, db);
                BindText(statement, p[14], m.Language, db);
                BindText(statement, p[15], m.ConversationId, db);
                BindInt64(statement, p[16], SqliteTime.ToDb(m.CreatedAt), db);
                BindInt64(statement, p[17], SqliteTime.ToDb(m.IngestedAt), db);
                BindText(statement, p[18], score.Sentiment.Label.ToString(), db);
                BindDouble(statement, p[19], score.Sentiment.Negative, db);
                BindDouble(statement, p[20], score.Sentiment.Neutral, db);
                BindDouble(statement, p[21], score.Sentiment.Positive, db);
                BindDouble(statement, p[22], score.Complaint, db);
                BindDouble(statement, p[23], score.Escalation.Score, db);
                BindText(statement, p[24], score.Escalation.Level.ToString(), db);
                BindText(statement, p[25], StorageJson.SerializeReasons(score.Escalation.Reasons), db);
                BindText(statement, p[26], score.ModelVersion, db);

                // A skipped duplicate returns no row.
                var rc = raw.sqlite3_step(statement);
                if (rc == raw.SQLITE_ROW)
                {
                    var id = raw.sqlite3_column_int64(statement, 0);
                    rc = raw.sqlite3_step(statement);
                    inserted.Add(new StoredMention(id, m, score, Redacted: false));
                }

                if (rc != raw.SQLITE_DONE)
                {
                    raw.sqlite3_reset(statement);
                    SqliteException.ThrowExceptionForRC(rc, db);
                }

                Check(raw.sqlite3_reset(statement), db);
            }
        }

        return inserted;
    }

    private static void BindText(sqlite3_stmt statement, int index, string? value, sqlite3 db) =>
        Check(value is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text(statement, index, value), db);

    private static void BindInt64(sqlite3_stmt statement, int index, long value, sqlite3 db) =>
        Check(raw.sqlite3_bind_int64(statement, index, value), db);

    private static void BindDouble(sqlite3_stmt statement, int index, double value, sqlite3 db) =>
        Check(raw.sqlite3_bind_double(statement, index, value), db);

    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

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
        var row = await connection.QuerySingleOrDefaultAsync<MentionRow<long>>(
            new CommandDefinition(GetMentionSql, new { id }, cancellationToken: cancellationToken));
        return row?.ToStoredMention(SqliteTime.FromDb);
    }

    private const string FindMentionSql = $"SELECT {MentionRowColumns.Select} FROM mentions WHERE source = @source AND external_id = @externalId";

    public async Task<StoredMention?> FindMentionAsync(string source, string externalId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MentionRow<long>>(
            new CommandDefinition(FindMentionSql, new { source, externalId }, cancellationToken: cancellationToken));
        return row?.ToStoredMention(SqliteTime.FromDb);
    }

    private const string GetMentionsSql = $"SELECT {MentionRowColumns.Select} FROM ";

    public async Task<IReadOnlyList<StoredMention>> GetMentionsAsync(MentionQuery query, CancellationToken cancellationToken)
    {
        var sql = MentionsQuerySql(query);
        var parameters = new
        {
            query.Brand,
            query.Source,
            query.AuthorId,
            Since = SqliteTime.ToDb(query.Since),
            Until = SqliteTime.ToDb(query.Until),
            query.BeforeId,
            Limit = Math.Max(0, query.Limit),
            TeamsJson = System.Text.Json.JsonSerializer.Serialize(query.Teams.Select(t => t.ToLowerInvariant())),
        };

        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MentionRow<long>>(
            new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStoredMention(SqliteTime.FromDb)).ToList();
    }

    /// <summary>The statement <see cref="GetMentionsAsync"/> runs for a query (internal for the query-plan tests).</summary>
    internal static string MentionsQuerySql(MentionQuery query)
    {
        // SQLite does not fold "@p IS NULL OR column = @p" at bind time, so only the filters in use go into the
        // statement and the planner can pick the brand or id index.
        var sql = new StringBuilder(GetMentionsSql);
        if (query.AuthorId is null)
        {
            sql.Append("mentions");
        }
        else
        {
            // The author's mention ids drive the query (a CROSS JOIN keeps its left side outermost): without
            // statistics the planner would rather walk the brand index and test every row against the id list.
            sql.Append('(').Append(SqliteAuthorIndex.MentionIds("@AuthorId", null)).Append(") AS k CROSS JOIN mentions ON mentions.id = k.mention_id");
        }

        var conditions = new List<string>();
        if (query.Brand is not null)
        {
            conditions.Add("brand = @Brand");
        }

        if (query.Source is not null)
        {
            conditions.Add("source = @Source");
        }

        if (query.Since is not null)
        {
            conditions.Add("created_at >= @Since");
        }

        if (query.Until is not null)
        {
            conditions.Add("created_at < @Until");
        }

        if (query.BeforeId is not null)
        {
            conditions.Add("id < @BeforeId");
        }

        if (query.Teams.Count > 0)
        {
            conditions.Add("id IN (SELECT a.mention_id FROM alerts a WHERE a.mention_id IS NOT NULL AND lower(a.team) IN (SELECT value FROM json_each(@TeamsJson)))");
        }

        if (conditions.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", conditions);
        }

        return sql.Append(" ORDER BY id DESC LIMIT @Limit").ToString();
    }

    private const string GetMentionsWithOpenAlertsSql = $"""
        SELECT {MentionRowColumns.Select} FROM mentions
        WHERE source = @source AND redacted = 0
          AND id IN (SELECT a.mention_id FROM alerts a WHERE a.is_open = 1 AND a.mention_id IS NOT NULL)
        ORDER BY id DESC
        LIMIT @limit
        """;

    public async Task<IReadOnlyList<StoredMention>> GetMentionsWithOpenAlertsAsync(string source, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MentionRow<long>>(
            new CommandDefinition(GetMentionsWithOpenAlertsSql, new { source, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStoredMention(SqliteTime.FromDb)).ToList();
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
            At = SqliteTime.ToDb(s.At),
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
        var rows = await connection.QueryAsync<SnapshotRow<long>>(
            new CommandDefinition(GetSnapshotsSql, new { mentionId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSnapshot(SqliteTime.FromDb)).ToList();
    }

    private const string RedactSql = """
        UPDATE mentions
        SET text = '', author_id = '', author_handle = '', author_display_name = NULL, author_followers = 0,
            author_verified = 0, url = NULL, redacted = 1
        WHERE source = @Source AND external_id = @ExternalId AND redacted = 0
        """;

    public async Task<int> RedactAsync(string source, IReadOnlyList<string> externalIds, CancellationToken cancellationToken)
    {
        if (externalIds.Count == 0)
        {
            return 0;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var redacted = await connection.ExecuteAsync(new CommandDefinition(
            RedactSql, externalIds.Distinct(StringComparer.Ordinal).Select(id => new { Source = source, ExternalId = id }), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return redacted;
    }
}
