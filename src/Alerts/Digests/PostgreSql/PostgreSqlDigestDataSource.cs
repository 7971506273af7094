using Dapper;
using SocialWatch.Alerts.Storage;
using SocialWatch.Alerts.Storage.PostgreSql;

namespace SocialWatch.Alerts.Digests.PostgreSql;

/// <summary>The digest aggregates over the PostgreSQL schema (timestamptz, enums by name, reasons as JSON text).</summary>
internal sealed class PostgreSqlDigestDataSource(PostgreSqlConnectionFactory connections) : IDigestDataSource
{
    // "No brands" means every brand; Npgsql sends @brands as one text[] parameter.
    private const string MentionBrandFilter = "(@allBrands OR m.brand = ANY(@brands))";
    private const string AlertBrandFilter = "(@allBrands OR a.brand = ANY(@brands))";

    private const string VolumeSql = $"""
        SELECT floor(extract(epoch FROM (m.created_at - @start)) / @bucketSeconds)::bigint AS Bucket,
               count(*) AS Mentions,
               count(*) FILTER (WHERE m.sentiment = 'Negative') AS Negative
          FROM mentions m
         WHERE m.created_at >= @start AND m.created_at < @end AND {MentionBrandFilter}
         GROUP BY 1
        """;

    // Operator alerts (a source stopped) are for admins, not part of the care team's figures.
    private const string AlertCountsSql = $"""
        SELECT
          count(*) FILTER (WHERE a.kind <> 'Operator' AND a.created_at >= @start AND a.created_at < @end) AS Opened,
          count(*) FILTER (WHERE a.kind <> 'Operator' AND a.state = 'Resolved' AND a.resolved_at >= @start AND a.resolved_at < @end) AS Resolved,
          count(*) FILTER (WHERE a.kind <> 'Operator' AND a.is_open AND a.created_at < @end) AS StillOpen,
          count(*) FILTER (WHERE a.first_response_due_at >= @start AND a.first_response_due_at < @end AND a.state <> 'Dismissed'
              AND (a.first_responded_at IS NULL OR a.first_responded_at > a.first_response_due_at)) AS FirstResponseBreaches,
          count(*) FILTER (WHERE a.resolve_due_at >= @start AND a.resolve_due_at < @end AND a.state <> 'Dismissed'
              AND (a.resolved_at IS NULL OR a.resolved_at > a.resolve_due_at)) AS ResolveBreaches,
          count(*) FILTER (WHERE a.kind = 'BrokenPromise' AND a.created_at >= @start AND a.created_at < @end) AS BrokenPromises
          FROM alerts a
         WHERE {AlertBrandFilter}
        """;

    private const string FirstResponseTimesSql = $"""
        SELECT (extract(epoch FROM (a.first_responded_at - a.created_at)) * 1000)::bigint
          FROM alerts a
         WHERE a.kind = 'Mention' AND a.first_responded_at >= @start AND a.first_responded_at < @end AND {AlertBrandFilter}
        """;

    private const string TopRisksSql = $"""
        SELECT a.id AS AlertId, a.title AS Title, a.brand AS Brand, coalesce(m.escalation_score, 0)::double precision AS Score,
               a.priority::bigint AS Priority
          FROM alerts a
          LEFT JOIN mentions m ON m.id = a.mention_id
         WHERE a.kind = 'Mention' AND a.is_open AND a.created_at < @end AND {AlertBrandFilter}
         ORDER BY 4 DESC, a.priority DESC, a.created_at DESC
         LIMIT @limit
        """;

    private const string SpikesSql = $"""
        SELECT a.id AS AlertId, a.title AS Title, a.brand AS Brand, a.created_at AS CreatedAt
          FROM alerts a
         WHERE a.kind = 'Spike' AND a.created_at >= @start AND a.created_at < @end AND {AlertBrandFilter}
         ORDER BY a.created_at
         LIMIT @limit
        """;

    // reasons holds the escalation reasons as a JSON array in a text column. A reason is an object with a code, or a
    // plain string in rows written before reasons had codes (folded into their codes afterwards).
    private const string ComplaintReasonsSql = $$"""
        SELECT CASE WHEN jsonb_typeof(r.reason) = 'object' THEN r.reason ->> 'code' END AS Code,
               CASE WHEN jsonb_typeof(r.reason) = 'string' THEN r.reason #>> '{}' END AS Legacy,
               count(*) AS Count
          FROM mentions m
         CROSS JOIN LATERAL jsonb_array_elements(m.reasons::jsonb) AS r(reason)
         WHERE m.created_at >= @start AND m.created_at < @end AND m.complaint >= 0.5
           AND m.reasons IS NOT NULL AND left(m.reasons, 1) = '[' AND jsonb_typeof(r.reason) IN ('object', 'string')
           AND {{MentionBrandFilter}}
         GROUP BY 1, 2
        """;

    public async Task<IReadOnlyList<VolumeCount>> GetVolumeAsync(DigestScope scope, TimeSpan bucket, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<VolumeDbRow>(new CommandDefinition(
            VolumeSql, Parameters(scope, new { bucketSeconds = bucket.TotalSeconds }), cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToVolume())];
    }

    public async Task<AlertCounts> GetAlertCountsAsync(DigestScope scope, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<AlertCountsRow>(new CommandDefinition(AlertCountsSql, Parameters(scope), cancellationToken: cancellationToken));
        return row.ToCounts();
    }

    public async Task<IReadOnlyList<TimeSpan>> GetFirstResponseTimesAsync(DigestScope scope, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<long>(new CommandDefinition(FirstResponseTimesSql, Parameters(scope), cancellationToken: cancellationToken));
        return [.. rows.Select(ms => TimeSpan.FromMilliseconds(Math.Max(0, ms)))];
    }

    public async Task<IReadOnlyList<RiskRow>> GetTopRisksAsync(DigestScope scope, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RiskDbRow>(new CommandDefinition(TopRisksSql, Parameters(scope, new { limit }), cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRisk())];
    }

    public async Task<IReadOnlyList<SpikeRow>> GetSpikesAsync(DigestScope scope, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SpikeDbRow<DateTime>>(new CommandDefinition(SpikesSql, Parameters(scope, new { limit }), cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSpike(PostgreSqlTime.FromDb))];
    }

    public async Task<IReadOnlyList<ReasonCount>> GetComplaintReasonsAsync(DigestScope scope, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReasonKeyRow>(new CommandDefinition(ComplaintReasonsSql, Parameters(scope), cancellationToken: cancellationToken));
        return [.. ReasonKeyRow.ByCode(rows).Select(r => new ReasonCount(r.Code, r.Count))];
    }

    private static DynamicParameters Parameters(DigestScope scope, object? extra = null)
    {
        var parameters = new DynamicParameters(extra);
        parameters.Add("start", PostgreSqlTime.ToDb(scope.Start));
        parameters.Add("end", PostgreSqlTime.ToDb(scope.End));
        parameters.Add("allBrands", scope.Brands.Count == 0);
        parameters.Add("brands", scope.Brands.ToArray());
        return parameters;
    }
}
