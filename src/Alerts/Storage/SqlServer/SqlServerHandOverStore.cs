using SocialWatch.Alerts.Storage.Workflow;

namespace SocialWatch.Alerts.Storage.SqlServer;

internal sealed class SqlServerHandOverStore(SqlServerDialect dialect) : SqlHandOverStore(dialect, new(InsertSql, CompleteSql, PendingSql))
{
    public const string InsertSql = "INSERT INTO dbo.mention_handovers (mention_ids, stored_at) OUTPUT INSERTED.id VALUES (@MentionIds, @StoredAt);";
    private const string CompleteSql = "DELETE FROM dbo.mention_handovers WHERE id = @id;";
    private const string PendingSql = """
        SELECT TOP (@limit) id AS Id, mention_ids AS MentionIds, stored_at AS StoredAt FROM dbo.mention_handovers
        WHERE stored_at < @before ORDER BY id;
        """;
}
