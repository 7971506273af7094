using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>Statements SQLite and PostgreSQL both accept word for word (SQL Server has its own).</summary>
internal static class StandardWebhookSql
{
    private const string ListSql = "SELECT id AS Id, body AS Body FROM webhooks ORDER BY id";
    private const string InsertSql = "INSERT INTO webhooks (body, updated_at, updated_by) VALUES (@Body, @At, @Actor) RETURNING id";
    private const string UpdateSql = "UPDATE webhooks SET body = @Body, updated_at = @At, updated_by = @Actor WHERE id = @Id";
    private const string DeleteSql = "DELETE FROM webhooks WHERE id = @id";

    public static readonly WebhookSql Statements = new(ListSql, InsertSql, UpdateSql, DeleteSql, StandardAdminAudit.AddSql);
}
