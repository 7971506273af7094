using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>The ingest bookkeeping statements of SQLite and PostgreSQL (read counts per brand and day, source pauses), written once.</summary>
internal static class StandardIngestStateSql
{
    public static IngestStateSql Statements(StandardSyntax s) => new(
        AddReadsSql: $"""
            INSERT INTO ingest_reads (source, brand, day, reads) VALUES (@source, @brand, {s.Date("@day")}, @reads)
            ON CONFLICT (source, brand, day) DO UPDATE SET reads = ingest_reads.reads + excluded.reads
            RETURNING reads
            """,
        GetReadsSql: $"SELECT reads FROM ingest_reads WHERE source = @source AND brand = @brand AND day = {s.Date("@day")}",
        ReadsBetweenSql: $"""
            SELECT SUM(reads) FROM ingest_reads
            WHERE source = @source AND brand = @brand AND day >= {s.Date("@from")} AND day <= {s.Date("@to")}
            """,
        PauseSourceSql: """
            INSERT INTO source_pauses (source, paused_until, reason, updated_at) VALUES (@source, @until, @reason, @now)
            ON CONFLICT (source) DO UPDATE SET paused_until = excluded.paused_until, reason = excluded.reason, updated_at = excluded.updated_at
            """,
        GetPauseSql: """
            SELECT source AS Source, paused_until AS PausedUntil, reason AS Reason
            FROM source_pauses WHERE source = @source AND paused_until > @now
            """);
}
