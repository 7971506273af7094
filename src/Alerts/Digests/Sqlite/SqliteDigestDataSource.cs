using Dapper;
using SocialWatch.Alerts.Storage;
using SocialWatch.Alerts.Storage.Sqlite;

namespace SocialWatch.Alerts.Digests.Sqlite;

/// <summary>The digest aggregates over the SQLite schema (times in unix milliseconds, enums by name).</summary>
internal sealed class SqliteDigestDataSource(SqliteConnectionFactory connections) : IDigestDataSource
{
    // "No brands" means every brand: @allBrands switches the filter off, Dapper expands @brands to a list.
    private const string MentionBrandFilter = "(@allBrands = 1 OR m.brand IN @brands)";
    private const string AlertBrandFilter = "(@allBrands = 1 OR a.brand IN @brands)";

    private const string VolumeSql = $"""
        SELECT (m.created_at - @start) / @bucketMs AS Bucket,
               COUNT(*) AS Mentions,
               SUM(CASE WHEN m.sentiment = 'Negative' THEN 1 ELSE 0 END) AS Negative
          FROM mentions m
         WHERE m.created_at >= @start AND m.created_at < @end AND {MentionBrandFilter}
         GROUP BY (m.created_at - @start) / @bucketMs
        """;

    // Operator alerts (a source stopped) are for admins, not part of the care team's figures.
    private const string AlertCountsSql = $"""
        SELECT
          (SELECT COUNT(*) FROM alerts a WHERE a.kind <> 'Operator' AND a.created_at >= @start AND a.created_at < @end AND {AlertBrandFilter}) AS Opened,
          (SELECT COUNT(*) FROM alerts a WHERE a.kind <> 'Operator' AND a.state = 'Resolved' AND a.resolved_at >= @start AND a.resolved_at < @end AND {AlertBrandFilter}) AS Resolved,
          (SELECT COUNT(*) FROM alerts a WHERE a.kind <> 'Operator' AND a.is_open = 1 AND a.created_at < @end AND {AlertBrandFilter}) AS StillOpen,
          (SELECT COUNT(*) FROM alerts a WHERE a.first_response_due_at >= @start AND a.first_response_due_at < @end AND a.state <> 'Dismissed'
              AND (a.first_responded_at IS NULL OR a.first_responded_at > a.first_response_due_at) AND {AlertBrandFilter}) AS FirstResponseBreaches,
          (SELECT COUNT(*) FROM alerts a WHERE a.resolve_due_at >= @start AND a.resolve_due_at < @end AND a.state <> 'Dismissed'
              AND (a.resolved_at IS NULL OR a.resolved_at > a.resolve_due_at) AND {AlertBrandFilter}) AS ResolveBreaches,
          (SELECT COUNT(*) FROM alerts a WHERE a.kind = 'BrokenPromise' AND a.created_at >= @start AND a.created_at < @end AND {AlertBrandFilter}) AS BrokenPromises
        """;

    private const string FirstResponseTimesSql = $"""
        SELECT a.first_responded_at - a.created_at
          FROM alerts a
         WHERE a.kind = 'Mention' AND a.first_responded_at >= @start AND a.first_responded_at < @end AND {AlertBrandFilter}
        """;

    private const string TopRisksSql = $"""
        SELECT a.id AS AlertId, a.title AS Title, a.brand AS Brand, CAST(COALESCE(m.escalation_score, 0) AS REAL) AS Score, a.priority AS Priority
          FROM alerts a
          LEFT JOIN mentions m ON m.id = a.mention_id
         WHERE a.kind = 'Mention' AND a.is_open = 1 AND a.created_at < @end AND {AlertBrandFilter}
         ORDER BY Score DESC, a.priority DESC, a.created_at DESC
         LIMIT @limit
        """;

    private const string SpikesSql = $"""
        SELECT a.id AS AlertId, a.title AS Title, a.brand AS Brand, a.created_at AS CreatedAt
          FROM alerts a
         WHERE a.kind = 'Spike' AND a.created_at >= @start AND a.created_at < @end AND {AlertBrandFilter}
         ORDER BY a.created_at
         LIMIT @limit
        """;

    // reasons holds the escalation reasons as a JSON array; json_each gives one row per reason. A reason is an object
    // with a code, or a plain string in rows written before reasons had codes (folded into their codes afterwards).
    private const string ComplaintReasonsSql = $"""
        SELECT CASE WHEN r.type = 'object' THEN json_extract(r.value, '$.code') END AS Code,
               CASE WHEN r.type = 'text' THEN r.value END AS Legacy,
               COUNT(*) AS Count
          FROM mentions m, json_each(m.reasons) r
         WHERE m.created_at >= @start AND m.created_at < @end AND m.complaint >= 0.5
           AND m.reasons IS NOT NULL AND json_valid(m.reasons) AND r.type IN ('object', 'text') AND {MentionBrandFilter}
         GROUP BY Code, Legacy
        """;

    public async Task<IReadOnlyList<VolumeCount>> GetVolumeAsync(DigestScope scope, TimeSpan bucket, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<VolumeDbRow>(new CommandDefinition(
            VolumeSql, Parameters(scope, new { bucketMs = (long)bucket.TotalMilliseconds }), cancellationToken: cancellationToken));
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
        var rows = await connection.QueryAsync<SpikeDbRow<long>>(new CommandDefinition(SpikesSql, Parameters(scope, new { limit }), cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSpike(SqliteDigestStore.FromMs))];
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
        parameters.Add("start", SqliteDigestStore.Ms(scope.Start));
        parameters.Add("end", SqliteDigestStore.Ms(scope.End));
        parameters.Add("allBrands", scope.Brands.Count == 0 ? 1 : 0);
        parameters.Add("brands", scope.Brands.Count == 0 ? [""] : scope.Brands.ToArray());
        return parameters;
    }
}
