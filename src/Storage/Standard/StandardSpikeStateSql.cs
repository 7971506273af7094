using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>Statements SQLite and PostgreSQL both accept word for word (SQL Server has its own).</summary>
internal static class StandardSpikeStateSql
{
    private const string GetSql = """
        SELECT brand AS Brand, active AS Active, started_at AS StartedAt, last_elevated_at AS LastElevatedAt,
            alert_id AS AlertId, cool_down_until AS CoolDownUntil
        FROM spike_states WHERE brand = @brand
        """;
    private const string UpsertSql = """
        INSERT INTO spike_states (brand, active, started_at, last_elevated_at, alert_id, cool_down_until)
        VALUES (@Brand, @Active, @StartedAt, @LastElevatedAt, @AlertId, @CoolDownUntil)
        ON CONFLICT (brand) DO UPDATE SET active = excluded.active, started_at = excluded.started_at,
            last_elevated_at = excluded.last_elevated_at, alert_id = excluded.alert_id, cool_down_until = excluded.cool_down_until
        """;

    public static readonly SpikeStateSql Statements = new(GetSql, UpsertSql);
}
