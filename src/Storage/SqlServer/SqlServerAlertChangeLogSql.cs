using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

/// <summary>
/// alert_audit ids come from IDENTITY when the row is inserted, and transactions commit in any order, so a smaller
/// position can become visible after a larger one; the tail re-reads such gaps by position.
/// </summary>
internal static class SqlServerAlertChangeLogSql
{
    public static readonly AlertChangeSql Statements = new()
    {
        LatestSql = "SELECT COALESCE(MAX(id), CAST(0 AS bigint)) FROM dbo.alert_audit;",
        AfterSql = $"""
            SELECT TOP (@limit) {AlertChangeColumns.Select} FROM dbo.alert_audit aa JOIN dbo.alerts a ON a.id = aa.alert_id
            WHERE aa.id > @after ORDER BY aa.id;
            """,
        PositionsSql = $"""
            SELECT {AlertChangeColumns.Select} FROM dbo.alert_audit aa JOIN dbo.alerts a ON a.id = aa.alert_id
            WHERE aa.id IN (SELECT CAST([value] AS bigint) FROM OPENJSON(@positionsJson));
            """,
    };
}
