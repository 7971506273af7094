using Dapper;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

namespace SocialWatch.Storage.Stores;

/// <summary>
/// The statements of one dialect for the watch list. Lists of ids arrive as <c>@ids</c> (an array) and <c>@idsJson</c>
/// (the same as a JSON array), for whichever the dialect reads.
/// </summary>
/// <param name="Enrol">Inserts an entry unless the mention has one: @MentionId, @Source, @Brand, @EnrolledAt, @WatchUntil, @FirstDueAt.</param>
/// <param name="Claim">
/// Claims due entries (@source, @brand, @now, @dueBy, @claimUntil, @limit) in their window or with an open alert, and
/// returns their mention ids.
/// </param>
/// <param name="Entries">Entry columns (MentionId, EnrolledAt, WatchUntil, CadenceFrom, LastRefreshedAt, Refreshes) of the ids.</param>
/// <param name="Mentions">Mention columns of the ids, as <see cref="StoredMentionRow"/>.</param>
/// <param name="InsertSnapshot">@MentionId, @At, @Likes, @Reposts, @Replies, @Quotes.</param>
/// <param name="UpdateMetrics">The mention's current counters: @MentionId and the counters.</param>
/// <param name="UpdateScore">The mention's score columns, and the risk copied onto its open alert.</param>
/// <param name="UpdateEntry">@MentionId, @At, @CadenceFrom, @NextDueAt; releases the claim.</param>
/// <param name="Release">@ids/@idsJson, @nextDueAt.</param>
/// <param name="Remove">@ids/@idsJson.</param>
/// <param name="RemoveExpired">@now; an entry whose mention's alert is open stays.</param>
/// <param name="AuthorHistory">Week, Month and Resolved counts for @mentionId, @source, @brand, @authorId, @minComplaint, @since7, @since30, @now.</param>
/// <param name="Cadences">Source, CadenceFrom, NextDueAt, WatchUntil of @brand's entries watched at @now (in their window or with an open alert).</param>
internal sealed record WatchListSql(
    string Enrol,
    string Claim,
    string Entries,
    string Mentions,
    string InsertSnapshot,
    string UpdateMetrics,
    string UpdateScore,
    string UpdateEntry,
    string Release,
    string Remove,
    string RemoveExpired,
    string AuthorHistory,
    string Cadences);

/// <summary>The watch list over any dialect.</summary>
internal sealed class SqlWatchListStore(SqlDialect dialect, WatchListSql sql) : IWatchListStore
{
    // Stays below SQL Server's 2100 parameters per command where a dialect expands the ids.
    private const int IdChunk = 1000;

    public async Task EnrolAsync(IReadOnlyList<WatchEnrolment> enrolments, CancellationToken cancellationToken)
    {
        if (enrolments.Count == 0)
        {
            return;
        }

        var rows = enrolments.Select(e => new
        {
            e.MentionId,
            e.Source,
            e.Brand,
            EnrolledAt = dialect.ToDb(e.EnrolledAt),
            WatchUntil = dialect.ToDb(e.WatchUntil),
            FirstDueAt = dialect.ToDb(e.FirstDueAt),
        }).ToList();
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql.Enrol, rows, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ClaimedWatchEntry>> ClaimDueAsync(
        string source, string? brand, DateTimeOffset now, DateTimeOffset dueBy, DateTimeOffset claimUntil, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(
            sql.Claim,
            new { source, brand, now = dialect.ToDb(now), dueBy = dialect.ToDb(dueBy), claimUntil = dialect.ToDb(claimUntil), limit },
            cancellationToken: cancellationToken))).ToArray();
        if (ids.Length == 0)
        {
            return [];
        }

        var entries = new Dictionary<long, EntryRow>(ids.Length);
        var mentions = new Dictionary<long, StoredMention>(ids.Length);
        foreach (var chunk in ids.Chunk(IdChunk))
        {
            var parameters = IdParameters(chunk);
            foreach (var row in await connection.QueryAsync<EntryRow>(new CommandDefinition(sql.Entries, parameters, cancellationToken: cancellationToken)))
            {
                entries[row.MentionId] = row;
            }

            foreach (var row in await connection.QueryAsync<StoredMentionRow>(new CommandDefinition(sql.Mentions, parameters, cancellationToken: cancellationToken)))
            {
                mentions[row.Id] = row.ToStoredMention();
            }
        }

        var claimed = new List<ClaimedWatchEntry>(ids.Length);
        foreach (var id in ids)
        {
            // A mention erased between the claim and the read takes its entry with it (the foreign key cascades).
            if (entries.TryGetValue(id, out var entry) && mentions.TryGetValue(id, out var mention))
            {
                claimed.Add(new ClaimedWatchEntry(
                    mention,
                    SqlDialect.FromDb(entry.EnrolledAt),
                    SqlDialect.FromDb(entry.WatchUntil),
                    SqlDialect.FromDb(entry.CadenceFrom),
                    SqlDialect.FromDbNullable(entry.LastRefreshedAt),
                    entry.Refreshes));
            }
        }

        return claimed;
    }

    public async Task RecordRefreshAsync(IReadOnlyList<WatchRefresh> refreshes, CancellationToken cancellationToken)
    {
        if (refreshes.Count == 0)
        {
            return;
        }

        var rows = refreshes.Select(r => new
        {
            r.MentionId,
            At = dialect.ToDb(r.At),
            r.Metrics.Likes,
            r.Metrics.Reposts,
            r.Metrics.Replies,
            r.Metrics.Quotes,
            CadenceFrom = dialect.ToDb(r.CadenceFrom),
            NextDueAt = dialect.ToDb(r.NextDueAt),
        }).ToList();
        var scores = refreshes.Where(r => r.Score is not null).Select(r => ScoreRow(r.MentionId, r.Score!)).ToList();

        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql.InsertSnapshot, rows, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(sql.UpdateMetrics, rows, transaction, cancellationToken: cancellationToken));
        if (scores.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql.UpdateScore, scores, transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(sql.UpdateEntry, rows, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task ReleaseAsync(IReadOnlyList<long> mentionIds, DateTimeOffset nextDueAt, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        foreach (var chunk in mentionIds.Distinct().Chunk(IdChunk))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                sql.Release, new { ids = chunk, idsJson = System.Text.Json.JsonSerializer.Serialize(chunk), nextDueAt = dialect.ToDb(nextDueAt) },
                cancellationToken: cancellationToken));
        }
    }

    public async Task RemoveAsync(IReadOnlyList<long> mentionIds, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        foreach (var chunk in mentionIds.Distinct().Chunk(IdChunk))
        {
            await connection.ExecuteAsync(new CommandDefinition(sql.Remove, IdParameters(chunk), cancellationToken: cancellationToken));
        }
    }

    public async Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql.RemoveExpired, new { now = dialect.ToDb(now) }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<AuthorHistory>> GetAuthorHistoriesAsync(
        IReadOnlyList<AuthorHistoryRequest> requests, float minComplaint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = new AuthorHistory[requests.Count];
        var since7 = dialect.ToDb(now - TimeSpan.FromDays(7));
        var since30 = dialect.ToDb(now - TimeSpan.FromDays(30));
        var until = dialect.ToDb(now);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];

            // An unknown author (redacted, or a source without ids) has no history to count.
            if (string.IsNullOrEmpty(request.AuthorId))
            {
                result[i] = new AuthorHistory(0, 0, 0);
                continue;
            }

            var row = await connection.QuerySingleAsync<HistoryRow>(new CommandDefinition(
                sql.AuthorHistory,
                new { mentionId = request.MentionId, source = request.Source, brand = request.Brand, authorId = request.AuthorId, minComplaint, since7, since30, now = until },
                cancellationToken: cancellationToken));
            result[i] = new AuthorHistory((int)row.Week, (int)row.Month, (int)row.Resolved);
        }

        return result;
    }

    public async Task<IReadOnlyList<WatchEntryCadence>> GetCadencesAsync(string brand, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CadenceRow>(new CommandDefinition(
            sql.Cadences, new { brand, now = dialect.ToDb(now) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new WatchEntryCadence(r.Source, SqlDialect.FromDb(r.CadenceFrom), SqlDialect.FromDb(r.NextDueAt), SqlDialect.FromDb(r.WatchUntil)))];
    }

    private static object IdParameters(long[] ids) => new { ids, idsJson = System.Text.Json.JsonSerializer.Serialize(ids) };

    private static object ScoreRow(long mentionId, MentionScore score) => new
    {
        MentionId = mentionId,
        Sentiment = score.Sentiment.Label.ToString(),
        PNegative = score.Sentiment.Negative,
        PNeutral = score.Sentiment.Neutral,
        PPositive = score.Sentiment.Positive,
        score.Complaint,
        EscalationScore = score.Escalation.Score,
        EscalationLevel = score.Escalation.Level.ToString(),
        Reasons = StorageJson.SerializeReasons(score.Escalation.Reasons),
        score.ModelVersion,
    };

    // Settable classes: SQLite reports computed columns without a declared type, which constructor matching cannot use.
    private sealed class EntryRow
    {
        public long MentionId { get; set; }
        public object EnrolledAt { get; set; } = 0L;
        public object WatchUntil { get; set; } = 0L;
        public object CadenceFrom { get; set; } = 0L;
        public object? LastRefreshedAt { get; set; }
        public int Refreshes { get; set; }
    }

    private sealed class HistoryRow
    {
        public long Week { get; set; }
        public long Month { get; set; }
        public long Resolved { get; set; }
    }

    private sealed class CadenceRow
    {
        public string Source { get; set; } = "";
        public object CadenceFrom { get; set; } = 0L;
        public object NextDueAt { get; set; } = 0L;
        public object WatchUntil { get; set; } = 0L;
    }
}

/// <summary>Statement parts SQLite and PostgreSQL share; the entry columns every dialect selects.</summary>
internal static class WatchListStatements
{
    public const string EntryColumns = """
        mention_id AS MentionId, enrolled_at AS EnrolledAt, watch_until AS WatchUntil, cadence_from AS CadenceFrom,
        last_refreshed_at AS LastRefreshedAt, refreshes AS Refreshes
        """;

    public const string InsertSnapshotSql = """
        INSERT INTO engagement_snapshots (mention_id, at, likes, reposts, replies, quotes)
        VALUES (@MentionId, @At, @Likes, @Reposts, @Replies, @Quotes)
        """;

    public const string UpdateMetricsSql = "UPDATE mentions SET likes = @Likes, reposts = @Reposts, replies = @Replies, quotes = @Quotes WHERE id = @MentionId";

    public const string UpdateMentionScoreSql = """
        UPDATE mentions SET sentiment = @Sentiment, p_negative = @PNegative, p_neutral = @PNeutral, p_positive = @PPositive,
            complaint = @Complaint, escalation_score = @EscalationScore, escalation_level = @EscalationLevel, reasons = @Reasons,
            model_version = @ModelVersion
        WHERE id = @MentionId
        """;

    public const string UpdateEntrySql = """
        UPDATE watch_entries SET cadence_from = @CadenceFrom, next_due_at = @NextDueAt, claimed_until = NULL, last_refreshed_at = @At,
            refreshes = refreshes + 1
        WHERE mention_id = @MentionId
        """;

    /// <summary>
    /// True for an entry (<paramref name="entry"/> names its table) whose mention's alert is open: it stays watched after
    /// its window, for as long as someone works the case. <paramref name="isOpen"/> is the dialect's test of the flag.
    /// </summary>
    public static string AlertOpen(string entry, string isOpen) =>
        $"EXISTS (SELECT 1 FROM alerts a WHERE a.mention_id = {entry}.mention_id AND {isOpen})";

    public static string RemoveExpiredSql(string isOpen) =>
        $"DELETE FROM watch_entries WHERE watch_until <= @now AND NOT {AlertOpen("watch_entries", isOpen)}";

    public static string CadencesSql(string isOpen) => $"""
        SELECT source AS Source, cadence_from AS CadenceFrom, next_due_at AS NextDueAt, watch_until AS WatchUntil FROM watch_entries
        WHERE brand = @brand AND (watch_until > @now OR {AlertOpen("watch_entries", isOpen)})
        """;
}
