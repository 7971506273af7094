using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>
/// The <see cref="MentionTraceSql"/> statements of SQLite and PostgreSQL: the same text but for how each tests an id
/// against the list (SQLite's expanded <c>IN @ids</c>, PostgreSQL's <c>= ANY(@ids)</c>).
/// </summary>
internal static class StandardMentionTraceSql
{
    public static MentionTraceSql For(string inIds)
    {
        var alertsOf = $"SELECT id FROM alerts WHERE mention_id {inIds}";
        return new MentionTraceSql(
            CountSql: $"""
                SELECT
                    (SELECT COUNT(*) FROM engagement_snapshots WHERE mention_id {inIds}) AS Snapshots,
                    (SELECT COUNT(*) FROM watch_entries WHERE mention_id {inIds}) AS WatchEntries,
                    (SELECT COUNT(*) FROM alerts WHERE mention_id {inIds}) AS Alerts,
                    (SELECT COUNT(*) FROM alert_audit WHERE note IS NOT NULL AND alert_id IN ({alertsOf})) AS AlertNotes,
                    (SELECT COUNT(*) FROM promises WHERE alert_id IN ({alertsOf})) AS Promises,
                    (SELECT COUNT(*) FROM feedback_labels WHERE mention_id {inIds}) AS FeedbackLabels,
                    (SELECT COUNT(*) FROM notification_outbox WHERE alert_id IN ({alertsOf})) AS Notifications
                """,
            ScrubAlertTitlesSql: $"UPDATE alerts SET title = @title WHERE mention_id {inIds}",
            ScrubNotesSql: $"UPDATE alert_audit SET note = @note WHERE note IS NOT NULL AND alert_id IN ({alertsOf})",
            ScrubPromisesSql: $"""
                UPDATE alerts SET title = @title
                WHERE id IN (SELECT broken_alert_id FROM promises WHERE broken_alert_id IS NOT NULL AND alert_id IN ({alertsOf}));
                UPDATE promises SET text = @text WHERE alert_id IN ({alertsOf})
                """,
            DeleteSnapshotsSql: $"DELETE FROM engagement_snapshots WHERE mention_id {inIds}",
            DeleteLabelsSql: $"DELETE FROM feedback_labels WHERE mention_id {inIds}",
            DeleteNotificationsSql: $"DELETE FROM notification_outbox WHERE alert_id IN ({alertsOf})");
    }

    /// <summary>An erasure request names an author by id or by handle; a redacted row has neither any more.</summary>
    public const string FindAuthorIdsSql = """
        SELECT DISTINCT author_id FROM mentions
        WHERE source = @source AND author_id <> '' AND (author_id = @author OR lower(author_handle) = lower(@handle))
        ORDER BY author_id
        """;
}
