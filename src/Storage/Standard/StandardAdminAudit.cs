using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>Statements SQLite and PostgreSQL both accept word for word (SQL Server has its own).</summary>
internal static class StandardAdminAudit
{
    public const string AddSql = """
        INSERT INTO admin_audit (at, actor, entity, entity_key, action, body) VALUES (@At, @Actor, @Entity, @EntityKey, @Action, @Body)
        """;
}
