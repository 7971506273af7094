using Dapper;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Storage.SqlServer;

internal sealed class SqlServerIngestStateStore(SqlServerConnectionFactory connections, TimeProvider timeProvider) : IIngestStateStore
{
    // HOLDLOCK: two hosts adding to a counter that does not exist yet must not both insert it.
    private const string AddReadsSql = """
        MERGE dbo.ingest_reads WITH (HOLDLOCK) AS r
        USING (SELECT @source AS source, @brand AS brand, CAST(@day AS date) AS day) AS s
            ON r.source = s.source AND r.brand = s.brand AND r.day = s.day
        WHEN MATCHED THEN
            UPDATE SET reads = r.reads + @reads
        WHEN NOT MATCHED THEN
            INSERT (source, brand, day, reads) VALUES (s.source, s.brand, s.day, @reads)
        OUTPUT inserted.reads;
        """;

    public async Task<long> AddReadsAsync(string source, string brand, DateOnly day, long reads, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            AddReadsSql, new { source, brand, day = ToDb(day), reads }, cancellationToken: cancellationToken));
    }

    private const string GetReadsSql = "SELECT reads FROM dbo.ingest_reads WHERE source = @source AND brand = @brand AND day = CAST(@day AS date);";

    public async Task<long> GetReadsAsync(string source, string brand, DateOnly day, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            GetReadsSql, new { source, brand, day = ToDb(day) }, cancellationToken: cancellationToken)) ?? 0;
    }

    private const string PauseSourceSql = """
        MERGE dbo.source_pauses WITH (HOLDLOCK) AS p
        USING (SELECT @source AS source) AS s ON p.source = s.source
        WHEN MATCHED THEN
            UPDATE SET paused_until = @until, reason = @reason, updated_at = @now
        WHEN NOT MATCHED THEN
            INSERT (source, paused_until, reason, updated_at) VALUES (@source, @until, @reason, @now);
        """;

    public async Task PauseSourceAsync(string source, DateTimeOffset until, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(PauseSourceSql, new
        {
            source,
            until = SqlServerTime.ToDb(until),
            reason,
            now = SqlServerTime.ToDb(timeProvider.GetUtcNow()),
        }, cancellationToken: cancellationToken));
    }

    private const string GetPauseSql = """
        SELECT source AS Source, paused_until AS PausedUntil, reason AS Reason
        FROM dbo.source_pauses WHERE source = @source AND paused_until > @now;
        """;

    public async Task<SourcePause?> GetPauseAsync(string source, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PauseRow<DateTimeOffset>>(new CommandDefinition(
            GetPauseSql, new { source, now = SqlServerTime.ToDb(timeProvider.GetUtcNow()) }, cancellationToken: cancellationToken));
        return row?.ToPause(SqlServerTime.FromDb);
    }

    // Dapper has no DateOnly mapping; the statements cast the midnight back to a date.
    private static DateTime ToDb(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
}
