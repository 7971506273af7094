using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Sqlite;

/// <summary>
/// SQLite commits one writer at a time and alert_audit ids are AUTOINCREMENT (never reused), so positions become
/// visible in order here; the tail's gap handling costs nothing on this dialect.
/// </summary>
internal static class SqliteAlertChangeLogSql
{
    public static readonly AlertChangeSql Statements = new()
    {
        LatestSql = "SELECT COALESCE(MAX(id), 0) FROM alert_audit",
        AfterSql = StandardAlertChangeLogSql.AfterSql,
        PositionsSql = $"SELECT {AlertChangeColumns.Select} FROM alert_audit aa JOIN alerts a ON a.id = aa.alert_id WHERE aa.id IN @positions",
    };
}
