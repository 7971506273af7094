using Dapper;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Storage.Sqlite;

internal sealed class SqliteIngestStateStore(SqliteConnectionFactory connections, TimeProvider timeProvider) : IIngestStateStore
{
    private const string AddReadsSql = """
        INSERT INTO ingest_reads (source, brand, day, reads) VALUES (@source, @brand, @day, @reads)
        ON CONFLICT (source, brand, day) DO UPDATE SET reads = ingest_reads.reads + excluded.reads
        RETURNING reads
        """;

    public async Task<long> AddReadsAsync(string source, string brand, DateOnly day, long reads, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            AddReadsSql, new { source, brand, day = SqliteTime.ToDb(day), reads }, cancellationToken: cancellationToken));
    }

    private const string GetReadsSql = "SELECT reads FROM ingest_reads WHERE source = @source AND brand = @brand AND day = @day";

    public async Task<long> GetReadsAsync(string source, string brand, DateOnly day, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            GetReadsSql, new { source, brand, day = SqliteTime.ToDb(day) }, cancellationToken: cancellationToken)) ?? 0;
    }

    private const string PauseSourceSql = """
        INSERT INTO source_pauses (source, paused_until, reason, updated_at) VALUES (@source, @until, @reason, @now)
        ON CONFLICT (source) DO UPDATE SET paused_until = excluded.paused_until, reason = excluded.reason, updated_at = excluded.updated_at
        """;

    public async Task PauseSourceAsync(string source, DateTimeOffset until, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(PauseSourceSql, new
        {
            source,
            until = SqliteTime.ToDb(until),
            reason,
            now = SqliteTime.ToDb(timeProvider.GetUtcNow()),
        }, cancellationToken: cancellationToken));
    }

    private const string GetPauseSql = """
        SELECT source AS Source, paused_until AS PausedUntil, reason AS Reason
        FROM source_pauses WHERE source = @source AND paused_until > @now
        """;

    public async Task<SourcePause?> GetPauseAsync(string source, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PauseRow<long>>(new CommandDefinition(
            GetPauseSql, new { source, now = SqliteTime.ToDb(timeProvider.GetUtcNow()) }, cancellationToken: cancellationToken));
        return row?.ToPause(SqliteTime.FromDb);
    }
}
