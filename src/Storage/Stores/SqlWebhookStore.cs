using System.Globalization;
using Dapper;
using SocialWatch.Core.Notifications;

namespace SocialWatch.Storage.Stores;

internal sealed record WebhookSql(string List, string Insert, string Update, string Delete, string AddAdminAudit);

public sealed class WebhookNotFoundException(long id) : Exception($"Webhook {id} does not exist.")
{
    public long WebhookId { get; } = id;
}

/// <summary>Webhooks as JSON documents; the admin audit records who changed which webhook, never its secret URL.</summary>
internal sealed class SqlWebhookStore(SqlDialect dialect, TimeProvider time, WebhookSql sql) : IWebhookStore
{
    private sealed class WebhookRow
    {
        public long Id { get; set; }
        public string Body { get; set; } = "";
    }

    public async Task<IReadOnlyList<StoredWebhook>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WebhookRow>(new CommandDefinition(sql.List, cancellationToken: cancellationToken));
        return [.. rows.Select(r => WorkflowJson.Deserialize<StoredWebhook>(r.Body) with { Id = r.Id })];
    }

    public async Task<StoredWebhook> SaveAsync(StoredWebhook webhook, string actor, CancellationToken cancellationToken)
    {
        webhook.Validate();
        var body = WorkflowJson.Serialize(webhook with { Id = 0 });
        var now = dialect.ToDb(time.GetUtcNow());
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = webhook.Id;
        if (id == 0)
        {
            id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql.Insert, new { Body = body, At = now, Actor = actor }, transaction, cancellationToken: cancellationToken));
        }
        else if (await connection.ExecuteAsync(new CommandDefinition(sql.Update, new { Id = id, Body = body, At = now, Actor = actor }, transaction, cancellationToken: cancellationToken)) == 0)
        {
            throw new WebhookNotFoundException(id);
        }

        await AuditAsync(connection, transaction, now, actor, id, webhook.Id == 0 ? "create" : "update", webhook.Name, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return webhook with { Id = id };
    }

    public async Task DeleteAsync(long id, string actor, CancellationToken cancellationToken)
    {
        var now = dialect.ToDb(time.GetUtcNow());
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(sql.Delete, new { id }, transaction, cancellationToken: cancellationToken)) == 0)
        {
            throw new WebhookNotFoundException(id);
        }

        await AuditAsync(connection, transaction, now, actor, id, "delete", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private Task AuditAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, object at, string actor, long id, string action, string? name, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            sql.AddAdminAudit,
            new { At = at, Actor = actor, Entity = "webhook", EntityKey = id.ToString(CultureInfo.InvariantCulture), Action = action, Body = name },
            transaction,
            cancellationToken: cancellationToken));
}
