using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>
/// The alert change-log statements of SQLite and PostgreSQL, written once over <see cref="StandardSyntax"/>. On SQLite
/// one writer commits at a time and alert_audit ids are AUTOINCREMENT, so positions become visible in order and the
/// tail's gap handling costs nothing; on PostgreSQL ids come from an identity sequence at insert and transactions
/// commit in any order, so a smaller position can become visible after a larger one and the tail re-reads such gaps.
/// </summary>
internal static class StandardAlertChangeLogSql
{
    public static AlertChangeSql Statements(StandardSyntax s) => new()
    {
        LatestSql = "SELECT COALESCE(MAX(id), 0) FROM alert_audit",
        AfterSql = $"""
            SELECT {AlertChangeColumns.Select} FROM alert_audit aa JOIN alerts a ON a.id = aa.alert_id
            WHERE aa.id > @after ORDER BY aa.id LIMIT @limit
            """,
        PositionsSql = $"SELECT {AlertChangeColumns.Select} FROM alert_audit aa JOIN alerts a ON a.id = aa.alert_id WHERE aa.id {s.InList("@positions")}",
    };
}
