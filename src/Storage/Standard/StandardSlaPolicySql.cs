using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>Statements SQLite and PostgreSQL both accept word for word (SQL Server has its own).</summary>
internal static class StandardSlaPolicySql
{
    private const string GetSql = "SELECT body FROM sla_policies WHERE name = @name";
    private const string ListSql = "SELECT body FROM sla_policies ORDER BY name";
    private const string UpsertSql = """
        INSERT INTO sla_policies (name, body, updated_at, updated_by) VALUES (@Name, @Body, @At, @Actor)
        ON CONFLICT (name) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by
        """;

    public static readonly SlaPolicySql Statements = new(GetSql, ListSql, UpsertSql, StandardAdminAudit.AddSql);
}
