using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>The AlertChangeLog statements SQLite and PostgreSQL both accept word for word; each dialect's record takes them from here.</summary>
internal static class StandardAlertChangeLogSql
{
    public static readonly string AfterSql = $"""
        SELECT {AlertChangeColumns.Select} FROM alert_audit aa JOIN alerts a ON a.id = aa.alert_id
        WHERE aa.id > @after ORDER BY aa.id LIMIT @limit
        """;
}
