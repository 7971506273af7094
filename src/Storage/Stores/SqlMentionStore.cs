using System.Data.Common;
using System.Text.Json;
using Dapper;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

namespace SocialWatch.Storage.Stores;

/// <summary>
/// The statements of one dialect for mentions, cursors and engagement snapshots (the page's insert itself is an
/// <see cref="IMentionPageInsert"/>). Mention statements select <see cref="MentionRowColumns.Select"/>.
/// Lists arrive both as arrays and as JSON (<c>@Teams</c>/<c>@TeamsJson</c>/<c>@LowerTeamsJson</c>,
/// <c>@externalIds</c>/<c>@externalIdsJson</c>), for whichever the dialect reads.
/// </summary>
/// <param name="CreateCursorSql">
/// First poll of a query: creates the cursor (@QueryKey, @NewCursor, @UpdatedAt) or fills one stored as null, and
/// changes nothing (0 rows) when another host got there first.
/// </param>
/// <param name="MoveCursorSql">Moves the cursor from @ExpectedCursor to @NewCursor; 0 rows when it moved meanwhile.</param>
/// <param name="InsertHandOverSql">The page's hand-over row (@MentionIds, @StoredAt), returning its id.</param>
/// <param name="GetCursorSql">The cursor's value for @queryKey.</param>
/// <param name="GetMentionSql">The mention @id.</param>
/// <param name="FindMentionSql">
/// The post @source, @externalId as stored for @brand, or its first stored copy (lowest id) when @brand is null.
/// </param>
/// <param name="GetMentionsSql">
/// Newest first, below @BeforeId, at most @Limit, filtered by whichever of @Brand, @Source, @AuthorId, @Since, @Until
/// and the teams are set.
/// </param>
/// <param name="GetMentionsWithOpenAlertsSql">Unredacted mentions of @source with an open alert, newest first, at most @limit.</param>
/// <param name="InsertSnapshotSql">@MentionId, @At, @Likes, @Reposts, @Replies, @Quotes.</param>
/// <param name="UpdateMetricsSql">The mention's current counters: @MentionId and the counters.</param>
/// <param name="GetSnapshotsSql">MentionId, At and the counters of @mentionId's snapshots, oldest first.</param>
/// <param name="RedactSql">
/// Redacts the unredacted mentions of @source among the external ids, every brand's copy of each; returns the row count.
/// </param>
/// <param name="SelectUnredactedSql">The ids of the rows <see cref="RedactSql"/> would redact (same parameters).</param>
internal sealed record MentionSql(
    string CreateCursorSql,
    string MoveCursorSql,
    string InsertHandOverSql,
    string GetCursorSql,
    string GetMentionSql,
    string FindMentionSql,
    string GetMentionsSql,
    string GetMentionsWithOpenAlertsSql,
    string InsertSnapshotSql,
    string UpdateMetricsSql,
    string GetSnapshotsSql,
    string RedactSql,
    string SelectUnredactedSql)
{
    /// <summary>
    /// For a dialect that writes the statement per query (only the filters in use) instead of running
    /// <see cref="GetMentionsSql"/>; null runs <see cref="GetMentionsSql"/> for every query.
    /// </summary>
    public Func<MentionQuery, string>? ComposeGetMentions { get; init; }
}

/// <summary>
/// How a dialect inserts a page of mentions, inside the page's transaction after the cursor moved: skips a mention
/// already stored for its brand (or earlier in the page), keyed by (source, external id, brand), and returns the
/// inserted ones with their ids, in page order.
/// </summary>
internal interface IMentionPageInsert
{
    Task<IReadOnlyList<StoredMention>> InsertAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<ScoredMention> mentions, CancellationToken cancellationToken);
}

/// <summary>Mentions over any dialect: the page's cursor, rows and hand-over commit in one transaction.</summary>
internal sealed class SqlMentionStore(SqlDialect dialect, MentionSql sql, MentionTraceSql traces, IMentionPageInsert pageInsert, TimeProvider timeProvider) : IMentionStore
{
    public const string RedactedTitle = "[text removed: the post was deleted at its source]";

    public async Task<StoreBatchResult> StoreBatchAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);

        // SQLite begins IMMEDIATE: the write lock is taken before the cursor is checked, so no other writer can move it
        // between check and commit. The other dialects lock the cursor row (or its key range) with the statement.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = dialect.ToDb(timeProvider.GetUtcNow());
        var moved = await connection.ExecuteAsync(new CommandDefinition(
            batch.ExpectedCursor is null ? sql.CreateCursorSql : sql.MoveCursorSql,
            new { batch.QueryKey, batch.NewCursor, batch.ExpectedCursor, UpdatedAt = now },
            transaction,
            cancellationToken: cancellationToken));
        if (moved == 0)
        {
            throw new CursorConflictException(batch.QueryKey);
        }

        var inserted = batch.Mentions.Count == 0
            ? []
            : await pageInsert.InsertAsync(connection, transaction, batch.Mentions, cancellationToken);
        var handOver = await MentionHandOvers.RecordAsync(connection, transaction, sql.InsertHandOverSql, batch, inserted, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StoreBatchResult(batch.Mentions.Count, inserted, handOver);
    }

    public async Task<string?> GetCursorAsync(string queryKey, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(
            new CommandDefinition(sql.GetCursorSql, new { queryKey }, cancellationToken: cancellationToken));
    }

    public async Task<StoredMention?> GetMentionAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StoredMentionRow>(
            new CommandDefinition(sql.GetMentionSql, new { id }, cancellationToken: cancellationToken));
        return row?.ToStoredMention();
    }

    public Task<StoredMention?> FindMentionAsync(string source, string externalId, CancellationToken cancellationToken) =>
        FindMentionAsync(source, externalId, brand: null, cancellationToken);

    public async Task<StoredMention?> FindMentionAsync(string source, string externalId, string? brand, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StoredMentionRow>(
            new CommandDefinition(sql.FindMentionSql, new { source, externalId, brand }, cancellationToken: cancellationToken));
        return row?.ToStoredMention();
    }

    public async Task<IReadOnlyList<StoredMention>> GetMentionsAsync(MentionQuery query, CancellationToken cancellationToken)
    {
        var teams = query.Teams.Select(t => t.ToLowerInvariant()).ToArray();
        var parameters = new
        {
            query.Brand,
            query.Source,
            query.AuthorId,
            Since = dialect.ToDb(query.Since),
            Until = dialect.ToDb(query.Until),
            query.BeforeId,
            Limit = Math.Max(0, query.Limit),
            Teams = teams,
            TeamsJson = JsonSerializer.Serialize(query.Teams),
            LowerTeamsJson = JsonSerializer.Serialize(teams),
        };

        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredMentionRow>(new CommandDefinition(
            sql.ComposeGetMentions?.Invoke(query) ?? sql.GetMentionsSql, parameters, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStoredMention()).ToList();
    }

    public async Task<IReadOnlyList<StoredMention>> GetMentionsWithOpenAlertsAsync(string source, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredMentionRow>(
            new CommandDefinition(sql.GetMentionsWithOpenAlertsSql, new { source, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStoredMention()).ToList();
    }

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
            At = dialect.ToDb(s.At),
            s.Metrics.Likes,
            s.Metrics.Reposts,
            s.Metrics.Replies,
            s.Metrics.Quotes,
        }).ToList();

        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql.InsertSnapshotSql, rows, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(sql.UpdateMetricsSql, rows, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<EngagementSnapshot>> GetSnapshotsAsync(long mentionId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SnapshotRow>(
            new CommandDefinition(sql.GetSnapshotsSql, new { mentionId }, cancellationToken: cancellationToken));
        return rows.Select(r => new EngagementSnapshot(r.MentionId, SqlDialect.FromDb(r.At), new EngagementMetrics(r.Likes, r.Reposts, r.Replies, r.Quotes))).ToList();
    }

    public async Task<int> RedactAsync(string source, IReadOnlyList<string> externalIds, CancellationToken cancellationToken)
    {
        if (externalIds.Count == 0)
        {
            return 0;
        }

        var posts = externalIds.Distinct(StringComparer.Ordinal).ToArray();
        var parameters = new { source, externalIds = posts, externalIdsJson = JsonSerializer.Serialize(posts) };
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Every copy, whichever brand it was stored for and whether or not it has an alert; what copied its text
        // (alert titles, labels, unsent notifications) and its snapshots go in the same transaction.
        var copies = (await connection.QueryAsync<long>(new CommandDefinition(sql.SelectUnredactedSql, parameters, transaction, cancellationToken: cancellationToken))).ToArray();
        var redacted = await connection.ExecuteAsync(new CommandDefinition(sql.RedactSql, parameters, transaction, cancellationToken: cancellationToken));
        foreach (var chunk in copies.Chunk(MentionTraces.MaxIdsPerStatement))
        {
            await MentionTraces.RemoveCopiesAsync(connection, transaction, traces, chunk, RedactedTitle, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return redacted;
    }

    private sealed class SnapshotRow
    {
        public long MentionId { get; set; }
        public object At { get; set; } = 0L;
        public long Likes { get; set; }
        public long Reposts { get; set; }
        public long Replies { get; set; }
        public long Quotes { get; set; }
    }
}

/// <summary>A mention as selected by <see cref="MentionRowColumns.Select"/>, times as the dialect's provider hands them back.</summary>
internal sealed class StoredMentionRow
{
    public long Id { get; set; }
    public string Source { get; set; } = "";
    public string ExternalId { get; set; } = "";
    public string Brand { get; set; } = "";
    public string Text { get; set; } = "";
    public string AuthorId { get; set; } = "";
    public string AuthorHandle { get; set; } = "";
    public string? AuthorDisplayName { get; set; }
    public long AuthorFollowers { get; set; }
    public bool AuthorVerified { get; set; }
    public long Likes { get; set; }
    public long Reposts { get; set; }
    public long Replies { get; set; }
    public long Quotes { get; set; }
    public string? Url { get; set; }
    public string? Lang { get; set; }
    public string? ConversationId { get; set; }
    public object CreatedAt { get; set; } = 0L;
    public object IngestedAt { get; set; } = 0L;
    public bool Redacted { get; set; }
    public string? Sentiment { get; set; }
    public float? PNegative { get; set; }
    public float? PNeutral { get; set; }
    public float? PPositive { get; set; }
    public float? Complaint { get; set; }
    public float? EscalationScore { get; set; }
    public string? EscalationLevel { get; set; }
    public string? Reasons { get; set; }
    public string? ModelVersion { get; set; }

    public StoredMention ToStoredMention()
    {
        var mention = new Mention
        {
            Source = Source,
            ExternalId = ExternalId,
            Brand = Brand,
            Text = Text,
            Author = new MentionAuthor(AuthorId, AuthorHandle, AuthorDisplayName, AuthorFollowers, AuthorVerified),
            Metrics = new EngagementMetrics(Likes, Reposts, Replies, Quotes),
            Url = Url,
            Language = Lang,
            ConversationId = ConversationId,
            CreatedAt = SqlDialect.FromDb(CreatedAt),
            IngestedAt = SqlDialect.FromDb(IngestedAt),
        };

        MentionScore? score = null;
        if (ModelVersion is not null && Sentiment is not null && EscalationLevel is not null)
        {
            score = new MentionScore(
                new SentimentScore(Enum.Parse<SentimentLabel>(Sentiment), PNegative ?? 0, PNeutral ?? 0, PPositive ?? 0),
                Complaint ?? 0,
                new EscalationScore(EscalationScore ?? 0, Enum.Parse<EscalationLevel>(EscalationLevel), StorageJson.DeserializeReasons(Reasons)),
                ModelVersion);
        }

        return new StoredMention(Id, mention, score, Redacted);
    }
}
