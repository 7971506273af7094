using Dapper;
using SocialWatch.Alerts.Spikes;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Storage.Workflow;

internal sealed record WorkflowQuerySql(string CountOpenByAssignee, string FindRecentlyResolved, string CountAlertsForMention, string CountWindow);

/// <summary>Read queries of the workflow and the spike detector over the alerts and mentions tables.</summary>
internal abstract class SqlWorkflowQueries(SqlDialect dialect, IAlertStore alerts, WorkflowQuerySql sql) : IWorkflowQueries, ISpikeDataSource
{
    private sealed record AssigneeCount(string AssignedTo, long OpenCount);

    private sealed record WindowRow(long Total, long Negative);

    public async Task<IReadOnlyDictionary<string, int>> CountOpenByAssigneeAsync(string team, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AssigneeCount>(new CommandDefinition(sql.CountOpenByAssignee, new { team }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.AssignedTo, r => (int)r.OpenCount, StringComparer.OrdinalIgnoreCase);
    }

    public async Task<Alert?> FindRecentlyResolvedAsync(string brand, string source, string authorId, DateTimeOffset resolvedSince, CancellationToken cancellationToken)
    {
        long? id;
        await using (var connection = await dialect.OpenAsync(cancellationToken))
        {
            id = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                sql.FindRecentlyResolved, new { brand, source, authorId, Since = dialect.ToDb(resolvedSince) }, cancellationToken: cancellationToken));
        }

        return id is { } found ? await alerts.GetAsync(found, cancellationToken) : null;
    }

    public async Task<bool> HasAlertForMentionAsync(long mentionId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql.CountAlertsForMention, new { mentionId }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<IReadOnlyList<WindowCount>> CountAsync(string brand, IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> windows, CancellationToken cancellationToken)
    {
        // One small range scan on (brand, created_at) per window: the windows are scattered over weeks, so reading
        // them one by one touches far fewer rows than one scan over the whole span.
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var counts = new List<WindowCount>(windows.Count);
        foreach (var (from, to) in windows)
        {
            var row = await connection.QuerySingleAsync<WindowRow>(new CommandDefinition(
                sql.CountWindow, new { brand, From = dialect.ToDb(from), To = dialect.ToDb(to) }, cancellationToken: cancellationToken));
            counts.Add(new WindowCount(from, to, row.Total, row.Negative));
        }

        return counts;
    }
}
