using SocialWatch.Alerts.Storage.Workflow;

namespace SocialWatch.Alerts.Storage.Sqlite;

/// <summary>
/// SQLite commits one writer at a time and alert_audit ids are AUTOINCREMENT (never reused), so positions become
/// visible in order here; the tail's gap handling costs nothing on this dialect.
/// </summary>
internal sealed class SqliteAlertChangeLog(SqliteDialect dialect) : SqlAlertChangeLog<long>(dialect, new(LatestSql, AfterSql, PositionsSql), SqliteTime.FromDb)
{
    private const string LatestSql = "SELECT COALESCE(MAX(id), 0) FROM alert_audit";
    private const string AfterSql = $"""
        SELECT {AlertChangeColumns.Select} FROM alert_audit aa JOIN alerts a ON a.id = aa.alert_id
        WHERE aa.id > @after ORDER BY aa.id LIMIT @limit
        """;
    private const string PositionsSql = $"SELECT {AlertChangeColumns.Select} FROM alert_audit aa JOIN alerts a ON a.id = aa.alert_id WHERE aa.id IN @positions";
}
