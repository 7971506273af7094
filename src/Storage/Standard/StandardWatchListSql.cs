using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>
/// The watch-list statements of SQLite and PostgreSQL, written once over <see cref="StandardSyntax"/>. Each dialect gives
/// the two that differ in approach: claiming due entries (one writer at a time against SKIP LOCKED) and the author's
/// history (the levelled author index against an index on mentions).
/// </summary>
internal static class StandardWatchListSql
{
    public static WatchListSql Statements(StandardSyntax s, string claimSql, string authorHistorySql)
    {
        var isOpen = s.IsTrue("a.is_open");
        return new(
            Enrol: """
                INSERT INTO watch_entries (mention_id, source, brand, enrolled_at, watch_until, cadence_from, next_due_at)
                VALUES (@MentionId, @Source, @Brand, @EnrolledAt, @WatchUntil, @EnrolledAt, @FirstDueAt)
                ON CONFLICT (mention_id) DO NOTHING
                """,
            Claim: claimSql,
            Entries: $"SELECT {WatchListStatements.EntryColumns} FROM watch_entries WHERE mention_id {s.InJsonList("ids")}",
            Mentions: $"SELECT {MentionRowColumns.Select} FROM mentions WHERE id {s.InJsonList("ids")}",
            InsertSnapshot: WatchListStatements.InsertSnapshotSql,
            UpdateMetrics: WatchListStatements.UpdateMetricsSql,
            UpdateScore: WatchListStatements.UpdateMentionScoreSql
                + $";\nUPDATE alerts SET escalation_score = @EscalationScore WHERE mention_id = @MentionId AND {s.IsTrue("is_open")}",
            UpdateEntry: WatchListStatements.UpdateEntrySql,
            Release: $"UPDATE watch_entries SET claimed_until = NULL, next_due_at = @nextDueAt WHERE mention_id {s.InJsonList("ids")}",
            Remove: $"DELETE FROM watch_entries WHERE mention_id {s.InJsonList("ids")}",
            RemoveExpired: WatchListStatements.RemoveExpiredSql(isOpen),
            AuthorHistory: authorHistorySql,
            Cadences: WatchListStatements.CadencesSql(isOpen));
    }
}
