using Dapper;
using SocialWatch.Core.Storage;

namespace SocialWatch.Storage.Stores;

/// <summary>The statements of one dialect for the read budgets (<c>ingest_reads</c>) and the source pauses.</summary>
/// <param name="AddReadsSql">Adds @reads to the counter of @source, @brand, @day (creating it) and returns the new total.</param>
/// <param name="GetReadsSql">The counter of @source, @brand, @day; no row when nothing was read.</param>
/// <param name="PauseSourceSql">Pauses @source until @until with @reason, at @now; replaces an earlier pause.</param>
/// <param name="GetPauseSql">Source, PausedUntil and Reason of @source's pause, if it lasts beyond @now.</param>
internal sealed record IngestStateSql(string AddReadsSql, string GetReadsSql, string ReadsBetweenSql, string PauseSourceSql, string GetPauseSql);

/// <summary>Read budgets and source pauses over any dialect.</summary>
internal sealed class SqlIngestStateStore(SqlDialect dialect, IngestStateSql sql, TimeProvider timeProvider) : IIngestStateStore
{
    public async Task<long> AddReadsAsync(string source, string brand, DateOnly day, long reads, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            sql.AddReadsSql, new { source, brand, day = dialect.ToDb(day), reads }, cancellationToken: cancellationToken));
    }

    public async Task<long> GetReadsAsync(string source, string brand, DateOnly day, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            sql.GetReadsSql, new { source, brand, day = dialect.ToDb(day) }, cancellationToken: cancellationToken)) ?? 0;
    }

    public async Task<long> GetReadsBetweenAsync(string source, string brand, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            sql.ReadsBetweenSql, new { source, brand, from = dialect.ToDb(from), to = dialect.ToDb(to) }, cancellationToken: cancellationToken)) ?? 0;
    }

    public async Task PauseSourceAsync(string source, DateTimeOffset until, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql.PauseSourceSql, new
        {
            source,
            until = dialect.ToDb(until),
            reason,
            now = dialect.ToDb(timeProvider.GetUtcNow()),
        }, cancellationToken: cancellationToken));
    }

    public async Task<SourcePause?> GetPauseAsync(string source, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PauseRow>(new CommandDefinition(
            sql.GetPauseSql, new { source, now = dialect.ToDb(timeProvider.GetUtcNow()) }, cancellationToken: cancellationToken));
        return row is null ? null : new SourcePause(row.Source, SqlDialect.FromDb(row.PausedUntil), row.Reason);
    }

    private sealed class PauseRow
    {
        public string Source { get; set; } = "";
        public object PausedUntil { get; set; } = 0L;
        public string Reason { get; set; } = "";
    }
}
