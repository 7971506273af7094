using SocialWatch.Storage.Standard;
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
        PauseSourceSql: StandardIngestStateSql.PauseSourceSql,
        GetPauseSql: StandardIngestStateSql.GetPauseSql);
}
