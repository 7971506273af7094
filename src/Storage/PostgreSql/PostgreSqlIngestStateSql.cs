using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.PostgreSql;

/// <summary>The day arrives as an unspecified-kind midnight, which the statements cast back to a date.</summary>
internal static class PostgreSqlIngestStateSql
{
    public static readonly IngestStateSql Statements = new(
        AddReadsSql: """
            INSERT INTO ingest_reads (source, brand, day, reads) VALUES (@source, @brand, @day::date, @reads)
            ON CONFLICT (source, brand, day) DO UPDATE SET reads = ingest_reads.reads + excluded.reads
            RETURNING reads
            """,
        GetReadsSql: "SELECT reads FROM ingest_reads WHERE source = @source AND brand = @brand AND day = @day::date",
        PauseSourceSql: StandardIngestStateSql.PauseSourceSql,
        GetPauseSql: StandardIngestStateSql.GetPauseSql);
}
