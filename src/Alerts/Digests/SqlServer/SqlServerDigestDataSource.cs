using Dapper;
using SocialWatch.Alerts.Storage;
using SocialWatch.Alerts.Storage.SqlServer;

namespace SocialWatch.Alerts.Digests.SqlServer;

/// <summary>The digest aggregates over the SQL Server schema (datetimeoffset, enums by name, reasons as JSON).</summary>
internal sealed class SqlServerDigestDataSource(SqlServerConnectionFactory connections) : IDigestDataSource
{
    // "No brands" means every brand: @allBrands switches the filter off. The brands travel as one JSON array, so the
    // statement is plain T-SQL (and one cached plan) whatever the number of brands.
    private const string MentionBrandFilter = "(@allBrands = 1 OR m.brand IN (SELECT b.[value] FROM OPENJSON(@brands) b))";
    private const string AlertBrandFilter = "(@allBrands = 1 OR a.brand IN (SELECT b.[value] FROM OPENJSON(@brands) b))";

    private const string VolumeSql = $"""
        SELECT DATEDIFF_BIG(second, @start, m.created_at) / @bucketSeconds AS Bucket,
               COUNT_BIG(*) AS Mentions,
               CAST(SUM(CASE WHEN m.sentiment = N'Negative' THEN 1 ELSE 0 END) AS bigint) AS Negative
          FROM dbo.mentions m
         WHERE m.created_at >= @start AND m.created_at < @end AND {MentionBrandFilter}
         GROUP BY DATEDIFF_BIG(second, @start, m.created_at) / @bucketSeconds
        """;

    // Operator alerts (a source stopped) are for admins, not part of the care team's figures.
    private const string AlertCountsSql = $"""
        SELECT
          CAST(SUM(CASE WHEN a.kind <> N'Operator' AND a.created_at >= @start AND a.created_at < @end THEN 1 ELSE 0 END) AS bigint) AS Opened,
          CAST(SUM(CASE WHEN a.kind <> N'Operator' AND a.state = N'Resolved' AND a.resolved_at >= @start AND a.resolved_at < @end THEN 1 ELSE 0 END) AS bigint) AS Resolved,
          CAST(SUM(CASE WHEN a.kind <> N'Operator' AND a.is_open = 1 AND a.created_at < @end THEN 1 ELSE 0 END) AS bigint) AS StillOpen,
          CAST(SUM(CASE WHEN a.first_response_due_at >= @start AND a.first_response_due_at < @end AND a.state <> N'Dismissed'
              AND (a.first_responded_at IS NULL OR a.first_responded_at > a.first_response_due_at) THEN 1 ELSE 0 END) AS bigint) AS FirstResponseBreaches,
          CAST(SUM(CASE WHEN a.resolve_due_at >= @start AND a.resolve_due_at < @end AND a.state <> N'Dismissed'
              AND (a.resolved_at IS NULL OR a.resolved_at > a.resolve_due_at) THEN 1 ELSE 0 END) AS bigint) AS ResolveBreaches,
          CAST(SUM(CASE WHEN a.kind = N'BrokenPromise' AND a.created_at >= @start AND a.created_at < @end THEN 1 ELSE 0 END) AS bigint) AS BrokenPromises
          FROM dbo.alerts a
         WHERE {AlertBrandFilter}
        """;

    private const string FirstResponseTimesSql = $"""
        SELECT DATEDIFF_BIG(millisecond, a.created_at, a.first_responded_at)
          FROM dbo.alerts a
         WHERE a.kind = N'Mention' AND a.first_responded_at >= @start AND a.first_responded_at < @end AND {AlertBrandFilter}
        """;

    private const string TopRisksSql = $"""
        SELECT TOP (@limit) a.id AS AlertId, a.title AS Title, a.brand AS Brand,
               CAST(COALESCE(m.escalation_score, 0) AS float) AS Score, CAST(a.priority AS bigint) AS Priority
          FROM dbo.alerts a
          LEFT JOIN dbo.mentions m ON m.id = a.mention_id
         WHERE a.kind = N'Mention' AND a.is_open = 1 AND a.created_at < @end AND {AlertBrandFilter}
         ORDER BY Score DESC, a.priority DESC, a.created_at DESC
        """;

    private const string SpikesSql = $"""
        SELECT TOP (@limit) a.id AS AlertId, a.title AS Title, a.brand AS Brand, a.created_at AS CreatedAt
          FROM dbo.alerts a
         WHERE a.kind = N'Spike' AND a.created_at >= @start AND a.created_at < @end AND {AlertBrandFilter}
         ORDER BY a.created_at
        """;

    // reasons holds the escalation reasons as a JSON array. A reason is an object with a code (OPENJSON type 5), or a
    // plain string (type 1) in rows written before reasons had codes (folded into their codes afterwards).
    private const string ComplaintReasonsSql = $"""
        SELECT k.Code AS [Code], k.Legacy AS [Legacy], COUNT_BIG(*) AS [Count]
          FROM dbo.mentions m
         CROSS APPLY OPENJSON(m.reasons) r
         CROSS APPLY (SELECT CASE WHEN r.[type] = 5 THEN JSON_VALUE(r.[value], '$.code') END AS Code,
                             CASE WHEN r.[type] = 1 THEN CAST(r.[value] AS nvarchar(400)) END AS Legacy) k
         WHERE m.created_at >= @start AND m.created_at < @end AND m.complaint >= 0.5
           AND m.reasons IS NOT NULL AND ISJSON(m.reasons) = 1 AND r.[type] IN (1, 5) AND {MentionBrandFilter}
         GROUP BY k.Code, k.Legacy
        """;

    public async Task<IReadOnlyList<VolumeCount>> GetVolumeAsync(DigestScope scope, TimeSpan bucket, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<VolumeDbRow>(new CommandDefinition(
            VolumeSql, Parameters(scope, new { bucketSeconds = (long)bucket.TotalSeconds }), cancellationToken: cancellationToken));
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
        var rows = await connection.QueryAsync<SpikeDbRow<DateTimeOffset>>(new CommandDefinition(SpikesSql, Parameters(scope, new { limit }), cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSpike(SqlServerTime.FromDb))];
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
        parameters.Add("start", SqlServerTime.ToDb(scope.Start));
        parameters.Add("end", SqlServerTime.ToDb(scope.End));
        parameters.Add("allBrands", scope.Brands.Count == 0 ? 1 : 0);
        parameters.Add("brands", DigestRows.ToJson(scope.Brands));
        return parameters;
    }
}
