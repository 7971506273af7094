using Dapper;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Spikes;
using SocialWatch.Core.Storage;
using SocialWatch.Core.Workflow;

namespace SocialWatch.Storage.Stores;

/// <remarks>
/// <c>ResolvedByAuthors</c> takes the author ids (@authorIds, or @authorIdsJson for SQL Server) and @Since and reads the
/// resolved mention alerts of those authors since then: Brand, Source, AuthorId, Id and ResolvedAt.
/// </remarks>
internal sealed record WorkflowQuerySql(
    string CountOpenByAssignee, string FindRecentlyResolved, string CountAlertsForMention, string CountWindow, string LatestSnapshots,
    string FindAlertForMention, string HandledMentions, string ResolvedByAuthors);

/// <summary>Read queries of the workflow and the spike detector over the alerts and mentions tables.</summary>
internal sealed class SqlWorkflowQueries(SqlDialect dialect, IAlertStore alerts, WorkflowQuerySql sql) : IWorkflowQueries, ISpikeDataSource
{
    // Settable classes, not positional records: SQLite reports computed columns without a declared type, which
    // Dapper's constructor matching cannot use, while property mapping converts the values.
    private sealed class AssigneeCount
    {
        public string AssignedTo { get; set; } = "";
        public long OpenCount { get; set; }
    }

    private sealed class WindowRow
    {
        public long Total { get; set; }
        public long Negative { get; set; }
    }

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

    public async Task<IReadOnlyDictionary<AuthorCaseKey, Alert>> FindRecentlyResolvedAsync(
        IReadOnlyCollection<AuthorCaseKey> authors, DateTimeOffset resolvedSince, CancellationToken cancellationToken)
    {
        var wanted = authors.ToHashSet();
        var newest = new Dictionary<AuthorCaseKey, (long Id, DateTimeOffset ResolvedAt)>();
        await using (var connection = await dialect.OpenAsync(cancellationToken))
        {
            foreach (var chunk in wanted.Select(a => a.AuthorId).Distinct(StringComparer.Ordinal).Chunk(SnapshotChunk))
            {
                var rows = await connection.QueryAsync<ResolvedRow>(new CommandDefinition(
                    sql.ResolvedByAuthors,
                    new { authorIds = chunk, authorIdsJson = System.Text.Json.JsonSerializer.Serialize(chunk), Since = dialect.ToDb(resolvedSince) },
                    cancellationToken: cancellationToken));
                foreach (var row in rows)
                {
                    var key = new AuthorCaseKey(row.Brand, row.Source, row.AuthorId);
                    var resolvedAt = SqlDialect.FromDb(row.ResolvedAt);
                    if (wanted.Contains(key) && (!newest.TryGetValue(key, out var seen) || resolvedAt > seen.ResolvedAt || (resolvedAt == seen.ResolvedAt && row.Id > seen.Id)))
                    {
                        newest[key] = (row.Id, resolvedAt);
                    }
                }
            }
        }

        var found = new Dictionary<AuthorCaseKey, Alert>();
        foreach (var (key, (id, _)) in newest)
        {
            if (await alerts.GetAsync(id, cancellationToken) is { } alert)
            {
                found[key] = alert;
            }
        }

        return found;
    }

    private sealed class ResolvedRow
    {
        public string Brand { get; set; } = "";
        public string Source { get; set; } = "";
        public string AuthorId { get; set; } = "";
        public long Id { get; set; }
        public object ResolvedAt { get; set; } = 0L;
    }

    private sealed class SnapshotRow
    {
        public long MentionId { get; set; }
        public object At { get; set; } = 0L;
        public long Likes { get; set; }
        public long Reposts { get; set; }
        public long Replies { get; set; }
        public long Quotes { get; set; }
    }

    // Stays below SQL Server's 2100 parameters per command when the ids are expanded.
    private const int SnapshotChunk = 1000;

    public async Task<IReadOnlyDictionary<long, IReadOnlyList<EngagementSnapshot>>> GetLatestSnapshotsAsync(IReadOnlyList<long> mentionIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, IReadOnlyList<EngagementSnapshot>>();
        await using var connection = await dialect.OpenAsync(cancellationToken);
        foreach (var chunk in mentionIds.Distinct().Chunk(SnapshotChunk))
        {
            var ids = chunk.ToArray();
            var rows = await connection.QueryAsync<SnapshotRow>(new CommandDefinition(
                sql.LatestSnapshots, new { ids, idsJson = System.Text.Json.JsonSerializer.Serialize(ids) }, cancellationToken: cancellationToken));
            foreach (var group in rows.GroupBy(r => r.MentionId))
            {
                result[group.Key] = [.. group
                    .Select(r => new EngagementSnapshot(r.MentionId, SqlDialect.FromDb(r.At), new EngagementMetrics(r.Likes, r.Reposts, r.Replies, r.Quotes)))
                    .OrderBy(s => s.At)];
            }
        }

        return result;
    }

    public async Task<bool> HasAlertForMentionAsync(long mentionId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql.CountAlertsForMention, new { mentionId }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<IReadOnlySet<long>> FindHandledMentionsAsync(IReadOnlyList<long> mentionIds, CancellationToken cancellationToken)
    {
        var handled = new HashSet<long>();
        if (mentionIds.Count == 0)
        {
            return handled;
        }

        await using var connection = await dialect.OpenAsync(cancellationToken);
        foreach (var chunk in mentionIds.Distinct().Chunk(SnapshotChunk))
        {
            var ids = chunk.ToArray();
            handled.UnionWith(await connection.QueryAsync<long>(new CommandDefinition(
                sql.HandledMentions, new { ids, idsJson = System.Text.Json.JsonSerializer.Serialize(ids) }, cancellationToken: cancellationToken)));
        }

        return handled;
    }

    public async Task<Alert?> FindAlertForMentionAsync(long mentionId, CancellationToken cancellationToken)
    {
        long? id;
        await using (var connection = await dialect.OpenAsync(cancellationToken))
        {
            id = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(sql.FindAlertForMention, new { mentionId }, cancellationToken: cancellationToken));
        }

        return id is { } found ? await alerts.GetAsync(found, cancellationToken) : null;
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
