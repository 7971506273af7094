using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

internal static class SqlServerWatchListSql
{
    private const string Ids = "(SELECT CAST([value] AS bigint) FROM OPENJSON(@idsJson))";

    // UPDLOCK + HOLDLOCK: two hosts enrolling the same mention serialise on the key instead of both inserting it.
    public const string EnrolSql = """
        INSERT INTO dbo.watch_entries (mention_id, source, brand, enrolled_at, watch_until, cadence_from, next_due_at)
        SELECT @MentionId, @Source, @Brand, @EnrolledAt, @WatchUntil, @EnrolledAt, @FirstDueAt
        WHERE NOT EXISTS (SELECT 1 FROM dbo.watch_entries WITH (UPDLOCK, HOLDLOCK) WHERE mention_id = @MentionId);
        """;

    // READPAST: rows another host is claiming are passed over, not waited for and claimed twice.
    public const string ClaimSql = """
        WITH due AS (
            SELECT TOP (@limit) w.mention_id, w.claimed_until FROM dbo.watch_entries w WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE w.source = @source AND (@brand IS NULL OR w.brand = @brand) AND w.next_due_at <= @dueBy
                AND (w.watch_until > @now OR EXISTS (SELECT 1 FROM dbo.alerts a WHERE a.mention_id = w.mention_id AND a.is_open = 1))
                AND (w.claimed_until IS NULL OR w.claimed_until <= @now)
            ORDER BY w.next_due_at)
        UPDATE due SET claimed_until = @claimUntil
        OUTPUT inserted.mention_id;
        """;

    public const string EntriesSql = $"SELECT {WatchListStatements.EntryColumns} FROM dbo.watch_entries WHERE mention_id IN {Ids};";

    public const string MentionsSql = $"SELECT {MentionRowColumns.Select} FROM dbo.mentions WHERE id IN {Ids};";

    public const string InsertSnapshotSql = """
        INSERT INTO dbo.engagement_snapshots (mention_id, at, likes, reposts, replies, quotes)
        VALUES (@MentionId, @At, @Likes, @Reposts, @Replies, @Quotes);
        """;

    public const string UpdateMetricsSql = "UPDATE dbo.mentions SET likes = @Likes, reposts = @Reposts, replies = @Replies, quotes = @Quotes WHERE id = @MentionId;";

    public const string UpdateScoreSql = """
        UPDATE dbo.mentions SET sentiment = @Sentiment, p_negative = @PNegative, p_neutral = @PNeutral, p_positive = @PPositive,
            complaint = @Complaint, escalation_score = @EscalationScore, escalation_level = @EscalationLevel, reasons = @Reasons,
            model_version = @ModelVersion
        WHERE id = @MentionId;
        UPDATE dbo.alerts SET escalation_score = @EscalationScore WHERE mention_id = @MentionId AND is_open = 1;
        """;

    public const string UpdateEntrySql = """
        UPDATE dbo.watch_entries SET cadence_from = @CadenceFrom, next_due_at = @NextDueAt, claimed_until = NULL, last_refreshed_at = @At,
            refreshes = refreshes + 1
        WHERE mention_id = @MentionId;
        """;

    public const string ReleaseSql = $"UPDATE dbo.watch_entries SET claimed_until = NULL, next_due_at = @nextDueAt WHERE mention_id IN {Ids};";

    public const string RemoveSql = $"DELETE FROM dbo.watch_entries WHERE mention_id IN {Ids};";

    // An entry whose mention's alert is open stays watched after its window.
    public const string RemoveExpiredSql = """
        DELETE FROM dbo.watch_entries
        WHERE watch_until <= @now AND NOT EXISTS (SELECT 1 FROM dbo.alerts a WHERE a.mention_id = dbo.watch_entries.mention_id AND a.is_open = 1);
        """;

    public const string AuthorHistorySql = """
        SELECT COALESCE(SUM(CASE WHEN m.created_at >= @since7 THEN CAST(1 AS bigint) ELSE 0 END), 0) AS Week, COUNT_BIG(*) AS Month,
            COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM dbo.alerts a WHERE a.mention_id = m.id AND a.state = N'Resolved') THEN CAST(1 AS bigint) ELSE 0 END), 0) AS Resolved
        FROM dbo.mentions m
        WHERE m.author_id = @authorId AND m.source = @source AND m.created_at >= @since30 AND m.created_at <= @now
            AND m.brand = @brand AND m.id <> @mentionId AND m.complaint >= @minComplaint;
        """;

    public const string CadencesSql = """
        SELECT w.source AS Source, w.cadence_from AS CadenceFrom, w.next_due_at AS NextDueAt, w.watch_until AS WatchUntil FROM dbo.watch_entries w
        WHERE w.brand = @brand AND (w.watch_until > @now OR EXISTS (SELECT 1 FROM dbo.alerts a WHERE a.mention_id = w.mention_id AND a.is_open = 1));
        """;

    public static readonly WatchListSql Statements = new(
        EnrolSql, ClaimSql, EntriesSql, MentionsSql, InsertSnapshotSql, UpdateMetricsSql, UpdateScoreSql, UpdateEntrySql, ReleaseSql,
        RemoveSql, RemoveExpiredSql, AuthorHistorySql, CadencesSql);
}
