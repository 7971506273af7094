using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.PostgreSql;

/// <summary>
/// alert_audit ids come from an identity sequence when the row is inserted, and transactions commit in any order,
/// so a smaller position can become visible after a larger one; the tail re-reads such gaps by position.
/// </summary>
internal static class PostgreSqlAlertChangeLogSql
{
    public static readonly AlertChangeSql Statements = new()
    {
        LatestSql = "SELECT COALESCE(MAX(id), 0) FROM alert_audit",
        AfterSql = StandardAlertChangeLogSql.AfterSql,
        PositionsSql = $"SELECT {AlertChangeColumns.Select} FROM alert_audit aa JOIN alerts a ON a.id = aa.alert_id WHERE aa.id = ANY(@positions)",
    };
}
