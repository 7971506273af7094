using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>Statements SQLite and PostgreSQL both accept word for word (SQL Server has its own).</summary>
internal static class StandardRoutingRuleSql
{
    private const string ListSql = "SELECT id AS Id, body AS Body FROM routing_rules ORDER BY position, id";
    private const string InsertSql = """
        INSERT INTO routing_rules (position, body, updated_at, updated_by) VALUES (@Position, @Body, @At, @Actor) RETURNING id
        """;
    private const string UpdateSql = "UPDATE routing_rules SET position = @Position, body = @Body, updated_at = @At, updated_by = @Actor WHERE id = @Id";
    private const string DeleteSql = "DELETE FROM routing_rules WHERE id = @id";

    public static readonly RoutingRuleSql Statements = new(ListSql, InsertSql, UpdateSql, DeleteSql, StandardAdminAudit.AddSql);
}
