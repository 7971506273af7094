using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

internal static class SqlServerHandOverSql
{
    public const string InsertSql = "INSERT INTO dbo.mention_handovers (mention_ids, stored_at) OUTPUT INSERTED.id VALUES (@MentionIds, @StoredAt);";
    private const string CompleteSql = "DELETE FROM dbo.mention_handovers WHERE id = @id;";
    private const string FailSql = "UPDATE dbo.mention_handovers SET attempts = attempts + 1 WHERE id = @id;";
    private const string PendingSql = """
        SELECT TOP (@limit) id AS Id, mention_ids AS MentionIds, stored_at AS StoredAt, attempts AS Attempts FROM dbo.mention_handovers
        WHERE stored_at < @before ORDER BY attempts, id;
        """;

    public static readonly HandOverSql Statements = new(InsertSql, CompleteSql, FailSql, PendingSql);
}
