using Dapper;
using Microsoft.Data.Sqlite;

namespace SocialWatch.Alerts.Digests.Sqlite;

/// <summary>The digest aggregates over the SQLite schema (times in unix milliseconds, enums by name).</summary>
public sealed class SqliteDigestDataSource(string connectionString) : IDigestDataSource
{
    // "No brands" means every brand; Dapper expands @brands to a list and @allBrands switches the filter off.
    private const string MentionBrandFilter = "(@allBrands = 1 OR m.brand IN @brands)";
    private const string AlertBrandFilter = "(@allBrands = 1 OR a.brand IN @brands)";

    public async Task<IReadOnlyList<VolumeCount>> GetVolumeAsync(DigestScope scope, TimeSpan bucket, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT (m.created_at - @start) / @bucketMs AS Bucket,
                   COUNT(*) AS Mentions,
                   SUM(CASE WHEN m.sentiment = 'Negative' THEN 1 ELSE 0 END) AS Negative
              FROM mentions m
             WHERE m.created_at >= @start AND m.created_at < @end AND {MentionBrandFilter}
             GROUP BY (m.created_at - @start) / @bucketMs
             ORDER BY Bucket;
            """;
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<VolumeCount>(new CommandDefinition(
            sql, Parameters(scope, new { bucketMs = (long)bucket.TotalMilliseconds }), cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<AlertCounts> GetAlertCountsAsync(DigestScope scope, CancellationToken cancellationToken)
    {
        // Operator alerts (a source stopped) are for admins, not part of the care team's figures.
        const string sql = $"""
            SELECT
              (SELECT COUNT(*) FROM alerts a WHERE a.kind <> 'Operator' AND a.created_at >= @start AND a.created_at < @end AND {AlertBrandFilter}) AS Opened,
              (SELECT COUNT(*) FROM alerts a WHERE a.kind <> 'Operator' AND a.state = 'Resolved' AND a.resolved_at >= @start AND a.resolved_at < @end AND {AlertBrandFilter}) AS Resolved,
              (SELECT COUNT(*) FROM alerts a WHERE a.kind <> 'Operator' AND a.is_open = 1 AND a.created_at < @end AND {AlertBrandFilter}) AS StillOpen,
              (SELECT COUNT(*) FROM alerts a WHERE a.first_response_due_at >= @start AND a.first_response_due_at < @end
                  AND (a.first_responded_at IS NULL OR a.first_responded_at > a.first_response_due_at) AND a.state <> 'Dismissed' AND {AlertBrandFilter}) AS FirstResponseBreaches,
              (SELECT COUNT(*) FROM alerts a WHERE a.resolve_due_at >= @start AND a.resolve_due_at < @end
                  AND (a.resolved_at IS NULL OR a.resolved_at > a.resolve_due_at) AND a.state <> 'Dismissed' AND {AlertBrandFilter}) AS ResolveBreaches,
              (SELECT COUNT(*) FROM alerts a WHERE a.kind = 'BrokenPromise' AND a.created_at >= @start AND a.created_at < @end AND {AlertBrandFilter}) AS BrokenPromises;
            """;
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<CountsRow>(new CommandDefinition(sql, Parameters(scope), cancellationToken: cancellationToken));
        return new AlertCounts((int)row.Opened, (int)row.Resolved, (int)row.StillOpen, (int)row.FirstResponseBreaches, (int)row.ResolveBreaches, (int)row.BrokenPromises);
    }

    public async Task<IReadOnlyList<TimeSpan>> GetFirstResponseTimesAsync(DigestScope scope, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT a.first_responded_at - a.created_at
              FROM alerts a
             WHERE a.kind = 'Mention' AND a.first_responded_at >= @start AND a.first_responded_at < @end AND {AlertBrandFilter};
            """;
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<long>(new CommandDefinition(sql, Parameters(scope), cancellationToken: cancellationToken));
        return [.. rows.Select(ms => TimeSpan.FromMilliseconds(Math.Max(0, ms)))];
    }

    public async Task<IReadOnlyList<RiskRow>> GetTopRisksAsync(DigestScope scope, int limit, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT a.id AS AlertId, a.title AS Title, a.brand AS Brand, COALESCE(m.escalation_score, 0.0) AS Score, a.priority AS Priority
              FROM alerts a
              LEFT JOIN mentions m ON m.id = a.mention_id
             WHERE a.kind = 'Mention' AND a.is_open = 1 AND a.created_at < @end AND {AlertBrandFilter}
             ORDER BY Score DESC, a.priority DESC, a.created_at DESC
             LIMIT @limit;
            """;
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long AlertId, string Title, string Brand, double Score, long Priority)>(new CommandDefinition(
            sql, Parameters(scope, new { limit }), cancellationToken: cancellationToken));
        return [.. rows.Select(r => new RiskRow(r.AlertId, r.Title, r.Brand, r.Score, (int)r.Priority))];
    }

    public async Task<IReadOnlyList<SpikeRow>> GetSpikesAsync(DigestScope scope, int limit, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT a.id AS AlertId, a.title AS Title, a.brand AS Brand, a.created_at AS CreatedAt
              FROM alerts a
             WHERE a.kind = 'Spike' AND a.created_at >= @start AND a.created_at < @end AND {AlertBrandFilter}
             ORDER BY a.created_at
             LIMIT @limit;
            """;
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long AlertId, string Title, string Brand, long CreatedAt)>(new CommandDefinition(
            sql, Parameters(scope, new { limit }), cancellationToken: cancellationToken));
        return [.. rows.Select(r => new SpikeRow(r.AlertId, r.Title, r.Brand, SqliteDigestStore.FromMs(r.CreatedAt)))];
    }

    public async Task<IReadOnlyList<ReasonCount>> GetComplaintReasonsAsync(DigestScope scope, CancellationToken cancellationToken)
    {
        // reasons holds the escalation reasons as a JSON array; json_each turns it into one row per reason.
        const string sql = $"""
            SELECT r.value AS Reason, COUNT(*) AS Count
              FROM mentions m, json_each(m.reasons) r
             WHERE m.created_at >= @start AND m.created_at < @end AND m.complaint >= 0.5
               AND m.reasons IS NOT NULL AND json_valid(m.reasons) AND r.type = 'text' AND {MentionBrandFilter}
             GROUP BY r.value;
            """;
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReasonCount>(new CommandDefinition(sql, Parameters(scope), cancellationToken: cancellationToken));
        return [.. rows];
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

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private sealed class CountsRow
    {
        public long Opened { get; set; }
        public long Resolved { get; set; }
        public long StillOpen { get; set; }
        public long FirstResponseBreaches { get; set; }
        public long ResolveBreaches { get; set; }
        public long BrokenPromises { get; set; }
    }
}
