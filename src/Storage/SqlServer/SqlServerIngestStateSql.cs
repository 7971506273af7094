using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

/// <summary>The day arrives as an unspecified-kind midnight, which the statements cast back to a date.</summary>
internal static class SqlServerIngestStateSql
{
    public static readonly IngestStateSql Statements = new(
        // HOLDLOCK: two hosts adding to a counter that does not exist yet must not both insert it.
        AddReadsSql: """
            MERGE dbo.ingest_reads WITH (HOLDLOCK) AS r
            USING (SELECT @source AS source, @brand AS brand, CAST(@day AS date) AS day) AS s
                ON r.source = s.source AND r.brand = s.brand AND r.day = s.day
            WHEN MATCHED THEN
                UPDATE SET reads = r.reads + @reads
            WHEN NOT MATCHED THEN
                INSERT (source, brand, day, reads) VALUES (s.source, s.brand, s.day, @reads)
            OUTPUT inserted.reads;
            """,
        GetReadsSql: "SELECT reads FROM dbo.ingest_reads WHERE source = @source AND brand = @brand AND day = CAST(@day AS date);",
        ReadsBetweenSql: """
            SELECT SUM(reads) FROM dbo.ingest_reads
            WHERE source = @source AND brand = @brand AND day >= CAST(@from AS date) AND day <= CAST(@to AS date);
            """,
        PauseSourceSql: """
            MERGE dbo.source_pauses WITH (HOLDLOCK) AS p
            USING (SELECT @source AS source) AS s ON p.source = s.source
            WHEN MATCHED THEN
                UPDATE SET paused_until = @until, reason = @reason, updated_at = @now
            WHEN NOT MATCHED THEN
                INSERT (source, paused_until, reason, updated_at) VALUES (@source, @until, @reason, @now);
            """,
        GetPauseSql: """
            SELECT source AS Source, paused_until AS PausedUntil, reason AS Reason
            FROM dbo.source_pauses WHERE source = @source AND paused_until > @now;
            """);
}
