using Dapper;
using SocialWatch.Core.Promises;

namespace SocialWatch.Storage.Stores;

internal sealed record PromiseSql(string Insert, string Get, string ListForAlert, string MarkKept, string GetOverdue, string MarkBroken);

internal sealed class SqlPromiseStore(SqlDialect dialect, PromiseSql sql) : IPromiseStore
{
    private sealed class PromiseRow
    {
        public long Id { get; set; }
        public long AlertId { get; set; }
        public string Text { get; set; } = "";
        public object DueAt { get; set; } = 0L;
        public string CreatedBy { get; set; } = "";
        public object CreatedAt { get; set; } = 0L;
        public object? KeptAt { get; set; }
        public string? KeptBy { get; set; }
        public long? BrokenAlertId { get; set; }

        public Promise ToPromise() => new()
        {
            Id = Id,
            AlertId = AlertId,
            Text = Text,
            DueAt = SqlDialect.FromDb(DueAt),
            CreatedBy = CreatedBy,
            CreatedAt = SqlDialect.FromDb(CreatedAt),
            KeptAt = SqlDialect.FromDbNullable(KeptAt),
            KeptBy = KeptBy,
            BrokenAlertId = BrokenAlertId,
        };
    }

    public async Task<Promise> AddAsync(Promise promise, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql.Insert, new
        {
            promise.AlertId,
            promise.Text,
            DueAt = dialect.ToDb(promise.DueAt),
            promise.CreatedBy,
            CreatedAt = dialect.ToDb(promise.CreatedAt),
        }, cancellationToken: cancellationToken));
        return promise with { Id = id, KeptAt = null, KeptBy = null, BrokenAlertId = null };
    }

    public async Task<Promise?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PromiseRow>(new CommandDefinition(sql.Get, new { id }, cancellationToken: cancellationToken));
        return row?.ToPromise();
    }

    public async Task<IReadOnlyList<Promise>> ListForAlertAsync(long alertId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PromiseRow>(new CommandDefinition(sql.ListForAlert, new { alertId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToPromise())];
    }

    public async Task<bool> MarkKeptAsync(long id, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql.MarkKept, new { id, actor, At = dialect.ToDb(at) }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<IReadOnlyList<Promise>> GetOverdueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PromiseRow>(new CommandDefinition(
            sql.GetOverdue, new { Now = dialect.ToDb(now), Limit = Math.Max(0, limit) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToPromise())];
    }

    public async Task<bool> MarkBrokenAsync(long id, long brokenAlertId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql.MarkBroken, new { id, brokenAlertId }, cancellationToken: cancellationToken)) == 1;
    }
}
