using Dapper;
using SocialWatch.Core.Digests;

namespace SocialWatch.Storage.Stores;

/// <summary>
/// The aggregate statements one dialect runs for a digest, and how it takes what its SQL cannot share: the bucket
/// length (<c>VolumeSql</c>) and the brand list. Every statement takes @start, @end, @allBrands (true when the scope
/// names no brand: every brand) and @brands.
/// </summary>
internal sealed record DigestDataSql(
    string VolumeSql,
    string AlertCountsSql,
    string FirstResponseTimesSql,
    string TopRisksSql,
    string SpikesSql,
    string ComplaintReasonsSql,
    Func<TimeSpan, object> BucketParameters,
    Func<IReadOnlyList<string>, object> BrandsParameter);

/// <summary>The digest aggregates over the stored mentions and alerts (enums by name).</summary>
internal sealed class SqlDigestDataSource(SqlDialect dialect, DigestDataSql sql) : IDigestDataSource
{
    /// <summary>The statements picked for the configured dialect.</summary>
    public DigestDataSql Sql => sql;

    public async Task<IReadOnlyList<VolumeCount>> GetVolumeAsync(DigestScope scope, TimeSpan bucket, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<VolumeDbRow>(new CommandDefinition(
            sql.VolumeSql, Parameters(scope, sql.BucketParameters(bucket)), cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToVolume())];
    }

    public async Task<AlertCounts> GetAlertCountsAsync(DigestScope scope, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<AlertCountsRow>(new CommandDefinition(sql.AlertCountsSql, Parameters(scope), cancellationToken: cancellationToken));
        return row.ToCounts();
    }

    public async Task<IReadOnlyList<TimeSpan>> GetFirstResponseTimesAsync(DigestScope scope, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<long>(new CommandDefinition(sql.FirstResponseTimesSql, Parameters(scope), cancellationToken: cancellationToken));
        return [.. rows.Select(ms => TimeSpan.FromMilliseconds(Math.Max(0, ms)))];
    }

    public async Task<IReadOnlyList<RiskRow>> GetTopRisksAsync(DigestScope scope, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RiskDbRow>(new CommandDefinition(sql.TopRisksSql, Parameters(scope, new { limit }), cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRisk())];
    }

    public async Task<IReadOnlyList<SpikeRow>> GetSpikesAsync(DigestScope scope, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SpikeDbRow>(new CommandDefinition(sql.SpikesSql, Parameters(scope, new { limit }), cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSpike())];
    }

    public async Task<IReadOnlyList<ReasonCount>> GetComplaintReasonsAsync(DigestScope scope, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReasonKeyRow>(new CommandDefinition(sql.ComplaintReasonsSql, Parameters(scope), cancellationToken: cancellationToken));
        return [.. ReasonKeyRow.ByCode(rows).Select(r => new ReasonCount(r.Code, r.Count))];
    }

    private DynamicParameters Parameters(DigestScope scope, object? extra = null)
    {
        var parameters = new DynamicParameters(extra);
        parameters.Add("start", dialect.ToDb(scope.Start));
        parameters.Add("end", dialect.ToDb(scope.End));
        parameters.Add("allBrands", scope.Brands.Count == 0);
        parameters.Add("brands", sql.BrandsParameter(scope.Brands));
        return parameters;
    }
}
