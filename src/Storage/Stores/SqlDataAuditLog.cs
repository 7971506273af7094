using Dapper;
using SocialWatch.Core.Retention;

namespace SocialWatch.Storage.Stores;

internal sealed record DataAuditSql(string Insert, string List);

internal sealed class SqlDataAuditLog(SqlDialect dialect, DataAuditSql sql) : IDataAuditLog
{
    private sealed class AuditRow
    {
        public long Id { get; set; }
        public string Action { get; set; } = "";
        public string Subject { get; set; } = "";
        public string Actor { get; set; } = "";
        public object At { get; set; } = 0L;
        public long Count { get; set; }
        public string? Detail { get; set; }
    }

    public async Task AddAsync(DataAuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql.Insert, new
        {
            entry.Action,
            entry.Subject,
            entry.Actor,
            At = dialect.ToDb(entry.At),
            entry.Count,
            entry.Detail,
        }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<DataAuditEntry>> ListAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            sql.List, new { Since = dialect.ToDb(since), Limit = Math.Max(0, limit) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new DataAuditEntry(r.Id, r.Action, r.Subject, r.Actor, SqlDialect.FromDb(r.At), (int)r.Count, r.Detail))];
    }
}
