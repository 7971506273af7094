using Dapper;
using SocialWatch.Core.Access;

namespace SocialWatch.Storage.Stores;

/// <summary>
/// The statements one dialect runs for <c>admin_audit</c>. <c>InsertSql</c> takes the entry's fields;
/// <c>LatestSql</c> takes @limit and selects newest first.
/// </summary>
internal sealed record AdminAuditSql(string InsertSql, string LatestSql);

/// <summary>What admins changed, for the admin page; the stores that change settings write their own entries in their transactions.</summary>
internal sealed class SqlAdminAuditStore(SqlDialect dialect, AdminAuditSql sql) : IAdminAuditStore
{
    public async Task AddAsync(AdminAuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql.InsertSql, new
        {
            entry.Actor,
            At = dialect.ToDb(entry.At),
            entry.Area,
            entry.Subject,
            entry.Action,
            entry.Detail,
        }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<AdminAuditEntry>> GetLatestAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition(sql.LatestSql, new { limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AdminAuditEntry(r.Id, r.Actor, SqlDialect.FromDb(r.At), r.Area, r.Subject, r.Action, r.Detail))];
    }

    private sealed class EntryRow
    {
        public long Id { get; init; }
        public string Actor { get; init; } = "";
        public object At { get; init; } = 0L;
        public string Area { get; init; } = "";
        public string Subject { get; init; } = "";
        public string Action { get; init; } = "";
        public string? Detail { get; init; }
    }
}
