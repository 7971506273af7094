using System.Text.Json;
using Dapper;
using SocialWatch.Core.Insights;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Spread;

namespace SocialWatch.Storage.Stores;

/// <summary>The statements one dialect runs for <see cref="SqlSpreadQueries"/>.</summary>
internal sealed record SpreadQuerySql
{
    /// <summary>Parameters: ids (list), idsJson, Since, Limit (snapshots per mention).</summary>
    public required string SnapshotSeriesSql { get; init; }

    /// <summary>Parameters: Now, Limit. Engagement is summed as floating point so that huge counters cannot overflow.</summary>
    public required string RecentlyGrowingSql { get; init; }
}

/// <summary>The reads behind "what is spreading now", over the watch list, mentions and snapshots.</summary>
internal sealed class SqlSpreadQueries(SqlDialect dialect, SpreadQuerySql sql) : ISpreadQueries
{
    // Stays below SQL Server's 2100 parameters per command when the ids are expanded.
    private const int Chunk = 1000;

    // Settable classes: SQLite reports computed columns without a declared type, which property mapping converts.
    private sealed class SnapshotRow
    {
        public long MentionId { get; set; }
        public object At { get; set; } = 0L;
        public long Likes { get; set; }
        public long Reposts { get; set; }
        public long Replies { get; set; }
        public long Quotes { get; set; }
    }

    private sealed class WatchedRow
    {
        public long MentionId { get; set; }
        public string Brand { get; set; } = "";
        public object GrowthSeenAt { get; set; } = 0L;
        public object WatchUntil { get; set; } = 0L;
        public long? AlertId { get; set; }
        public string Source { get; set; } = "";
        public string? Text { get; set; }
        public string? AuthorId { get; set; }
        public string? AuthorHandle { get; set; }
        public string? AuthorDisplayName { get; set; }
        public long AuthorFollowers { get; set; }
        public object AuthorVerified { get; set; } = false;
        public string? Url { get; set; }

        /// <summary>Summed as floating point in SQL, so that counters stored before the input bounds cannot overflow the query.</summary>
        public double? Engagement { get; set; }
        public float? EscalationScore { get; set; }
        public string? EscalationLevel { get; set; }
        public float? PNegative { get; set; }
        public object CreatedAt { get; set; } = 0L;

        public WatchedMention ToWatched() => new(
            new QueueMention(
                MentionId,
                Source,
                Text ?? "",
                AuthorId ?? "",
                AuthorHandle ?? "",
                AuthorDisplayName,
                AuthorFollowers,
                SqlDialect.BoolFromDb(AuthorVerified),
                Url,
                Engagement is not { } engagement || double.IsNaN(engagement) ? 0 : engagement >= long.MaxValue ? long.MaxValue : (long)Math.Max(0, engagement),
                EscalationScore is { } score && float.IsFinite(score) ? score : 0,
                Enum.TryParse<EscalationLevel>(EscalationLevel, out var level) ? level : Core.Scoring.EscalationLevel.Low,
                PNegative ?? 0,
                SqlDialect.FromDb(CreatedAt)),
            Brand,
            SqlDialect.FromDb(GrowthSeenAt),
            SqlDialect.FromDb(WatchUntil),
            AlertId);
    }

    public async Task<IReadOnlyDictionary<long, IReadOnlyList<EngagementSnapshot>>> GetSnapshotSeriesAsync(
        IReadOnlyList<long> mentionIds, DateTimeOffset since, int maxPerMention, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerMention, 1);
        var result = new Dictionary<long, IReadOnlyList<EngagementSnapshot>>();
        if (mentionIds.Count == 0)
        {
            return result;
        }

        await using var connection = await dialect.OpenAsync(cancellationToken);
        foreach (var chunk in mentionIds.Distinct().Chunk(Chunk))
        {
            var ids = chunk.ToArray();
            var rows = await connection.QueryAsync<SnapshotRow>(new CommandDefinition(
                sql.SnapshotSeriesSql,
                new { ids, idsJson = JsonSerializer.Serialize(ids), Since = dialect.ToDb(since), Limit = maxPerMention },
                cancellationToken: cancellationToken));
            foreach (var group in rows.GroupBy(r => r.MentionId))
            {
                result[group.Key] = [.. group
                    .Select(r => new EngagementSnapshot(r.MentionId, SqlDialect.FromDb(r.At), new EngagementMetrics(r.Likes, r.Reposts, r.Replies, r.Quotes)))
                    .OrderBy(s => s.At)];
            }
        }

        return result;
    }

    public async Task<IReadOnlyList<WatchedMention>> GetRecentlyGrowingAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WatchedRow>(new CommandDefinition(
            sql.RecentlyGrowingSql, new { Now = dialect.ToDb(now), Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToWatched())];
    }
}
