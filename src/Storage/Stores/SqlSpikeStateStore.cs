using Dapper;
using SocialWatch.Core.Spikes;

namespace SocialWatch.Storage.Stores;

internal sealed record SpikeStateSql(string Get, string Upsert);

internal sealed class SqlSpikeStateStore(SqlDialect dialect, SpikeStateSql sql) : ISpikeStateStore
{
    private sealed class SpikeRow
    {
        public string Brand { get; set; } = "";
        public object Active { get; set; } = false;
        public object? StartedAt { get; set; }
        public object? LastElevatedAt { get; set; }
        public long? AlertId { get; set; }
        public object? CoolDownUntil { get; set; }
    }

    public async Task<SpikeState?> GetAsync(string brand, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SpikeRow>(new CommandDefinition(sql.Get, new { brand }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new SpikeState(row.Brand)
            {
                Active = SqlDialect.BoolFromDb(row.Active),
                StartedAt = SqlDialect.FromDbNullable(row.StartedAt),
                LastElevatedAt = SqlDialect.FromDbNullable(row.LastElevatedAt),
                AlertId = row.AlertId,
                CoolDownUntil = SqlDialect.FromDbNullable(row.CoolDownUntil),
            };
    }

    public async Task SaveAsync(SpikeState state, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql.Upsert, new
        {
            state.Brand,
            state.Active,
            StartedAt = dialect.ToDb(state.StartedAt),
            LastElevatedAt = dialect.ToDb(state.LastElevatedAt),
            state.AlertId,
            CoolDownUntil = dialect.ToDb(state.CoolDownUntil),
        }, cancellationToken: cancellationToken));
    }
}
