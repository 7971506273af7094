using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Sqlite;

/// <summary>The day arrives as its ISO text, which is how ingest_reads keeps it.</summary>
internal static class SqliteIngestStateSql
{
    public static readonly IngestStateSql Statements = new(
        AddReadsSql: """
            INSERT INTO ingest_reads (source, brand, day, reads) VALUES (@source, @brand, @day, @reads)
            ON CONFLICT (source, brand, day) DO UPDATE SET reads = ingest_reads.reads + excluded.reads
            RETURNING reads
            """,
        GetReadsSql: "SELECT reads FROM ingest_reads WHERE source = @source AND brand = @brand AND day = @day",
        PauseSourceSql: """
            INSERT INTO source_pauses (source, paused_until, reason, updated_at) VALUES (@source, @until, @reason, @now)
            ON CONFLICT (source) DO UPDATE SET paused_until = excluded.paused_until, reason = excluded.reason, updated_at = excluded.updated_at
            """,
        GetPauseSql: """
            SELECT source AS Source, paused_until AS PausedUntil, reason AS Reason
            FROM source_pauses WHERE source = @source AND paused_until > @now
            """);
}
