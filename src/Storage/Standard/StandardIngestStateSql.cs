namespace SocialWatch.Storage.Standard;

/// <summary>The IngestState statements SQLite and PostgreSQL both accept word for word; each dialect's record takes them from here.</summary>
internal static class StandardIngestStateSql
{
    public const string PauseSourceSql = """
        INSERT INTO source_pauses (source, paused_until, reason, updated_at) VALUES (@source, @until, @reason, @now)
        ON CONFLICT (source) DO UPDATE SET paused_until = excluded.paused_until, reason = excluded.reason, updated_at = excluded.updated_at
        """;

    public const string GetPauseSql = """
        SELECT source AS Source, paused_until AS PausedUntil, reason AS Reason
        FROM source_pauses WHERE source = @source AND paused_until > @now
        """;
}
