using System.Text.Json;
using Dapper;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

namespace SocialWatch.Storage.Stores;

/// <summary>
/// The statements of one dialect for escalation outcomes. <c>AlertsSql</c> takes @automated (actors that are not people)
/// and @limit and selects MentionId, DecidedAt, Raised (1 when a person set a priority above the alert's first one) and
/// Dismissed (1 when dismissed as not a complaint or spam), newest alert first, only alerts where one of them holds.
/// <c>SpreadSql</c> takes @minInteractions, @reachShare, @minComplaint and @limit and selects MentionId, DecidedAt (the
/// ingestion time) of complaints or negative mentions whose peak snapshot reached both thresholds. <c>MentionsSql</c> and
/// <c>SnapshotsSql</c> take @ids (@idsJson and @automatedJson carry the same lists as JSON, for dialects that read them so).
/// </summary>
internal sealed record EscalationOutcomeSql
{
    public required string AlertsSql { get; init; }

    public required string SpreadSql { get; init; }

    public required string MentionsSql { get; init; }

    public required string SnapshotsSql { get; init; }
}

/// <summary>
/// Outcome labels for the escalation weights, read from what agents did to alerts (alert audit) and from how far
/// mentions spread (engagement snapshots). Each label carries the context the scorer could have seen when it decided:
/// for an alert, the snapshots up to the alert's creation; for a spread mention, those within the context window of
/// ingestion (or the first one when none is that early), so the label's own outcome does not leak into its features.
/// </summary>
internal sealed class SqlEscalationOutcomeStore(SqlDialect dialect, EscalationOutcomeSql sql) : IEscalationOutcomeStore
{
    /// <summary>Actors that change alerts on their own; a priority they set is not a person's judgement.</summary>
    internal static readonly string[] AutomatedActors = ["system", "sla", "routing", "round-robin", "spike-detector", "watch"];

    public async Task<IReadOnlyList<EscalationOutcome>> GetAsync(EscalationOutcomeQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var alerts = await connection.QueryAsync<AlertOutcomeRow>(new CommandDefinition(
            sql.AlertsSql, new { automated = AutomatedActors, automatedJson = JsonSerializer.Serialize(AutomatedActors), limit = query.Limit }, cancellationToken: cancellationToken));
        var spread = await connection.QueryAsync<SpreadRow>(new CommandDefinition(
            sql.SpreadSql,
            new { minInteractions = query.MinInteractions, reachShare = query.ReachShare, minComplaint = query.MinComplaint, limit = query.Limit },
            cancellationToken: cancellationToken));

        // One label per mention: a positive outcome outweighs a dismissal, a person's judgement outweighs spread.
        var labels = new Dictionary<long, (EscalationOutcomeKind Kind, DateTimeOffset DecidedAt)>();
        foreach (var row in spread)
        {
            labels[row.MentionId] = (EscalationOutcomeKind.Spread, SqlDialect.FromDb(row.DecidedAt).Add(query.ContextWindow));
        }

        foreach (var row in alerts)
        {
            var decidedAt = SqlDialect.FromDb(row.DecidedAt);
            if (SqlDialect.BoolFromDb(row.Raised))
            {
                labels[row.MentionId] = (EscalationOutcomeKind.RaisedByPerson, decidedAt);
            }
            else if (SqlDialect.BoolFromDb(row.Dismissed) && !labels.ContainsKey(row.MentionId))
            {
                labels[row.MentionId] = (EscalationOutcomeKind.DismissedAsNoRisk, decidedAt);
            }
        }

        if (labels.Count == 0)
        {
            return [];
        }

        var result = new List<EscalationOutcome>(labels.Count);
        foreach (var chunk in labels.Keys.Order().Chunk(500))
        {
            var ids = chunk.ToArray();
            var idsJson = JsonSerializer.Serialize(ids);
            var mentions = await connection.QueryAsync<OutcomeMentionRow>(new CommandDefinition(sql.MentionsSql, new { ids, idsJson }, cancellationToken: cancellationToken));
            var snapshots = (await connection.QueryAsync<OutcomeSnapshotRow>(new CommandDefinition(sql.SnapshotsSql, new { ids, idsJson }, cancellationToken: cancellationToken)))
                .Select(s => new EngagementSnapshot(s.MentionId, SqlDialect.FromDb(s.At), new EngagementMetrics(s.Likes, s.Reposts, s.Replies, s.Quotes)))
                .ToLookup(s => s.MentionId);
            foreach (var m in mentions)
            {
                if (SqlDialect.BoolFromDb(m.Redacted))
                {
                    continue;
                }

                var (kind, decidedAt) = labels[m.Id];
                result.Add(new EscalationOutcome(m.Id, kind, kind != EscalationOutcomeKind.DismissedAsNoRisk, Context(m, snapshots[m.Id], decidedAt)));
            }
        }

        return result;
    }

    private static ScoringInput Context(OutcomeMentionRow m, IEnumerable<EngagementSnapshot> all, DateTimeOffset decidedAt)
    {
        var ordered = all.OrderBy(s => s.At).ToList();
        var seen = ordered.Where(s => s.At <= decidedAt).ToList();

        // Without snapshots the stored metrics were never refreshed, so they are the ones the scorer saw.
        var metrics = seen.Count > 0 ? seen[^1].Metrics
            : ordered.Count > 0 ? ordered[0].Metrics
            : new EngagementMetrics(m.Likes, m.Reposts, m.Replies, m.Quotes);
        return new ScoringInput(m.Text)
        {
            Author = new MentionAuthor(m.AuthorId, m.AuthorHandle, null, m.AuthorFollowers, SqlDialect.BoolFromDb(m.AuthorVerified)),
            Metrics = metrics,
            Velocity = EngagementVelocityCalculator.FromSnapshots(seen),
        };
    }

    private sealed class AlertOutcomeRow
    {
        public long MentionId { get; set; }

        public object DecidedAt { get; set; } = 0L;

        public object Raised { get; set; } = 0L;

        public object Dismissed { get; set; } = 0L;
    }

    private sealed class SpreadRow
    {
        public long MentionId { get; set; }

        public object DecidedAt { get; set; } = 0L;
    }

    private sealed class OutcomeMentionRow
    {
        public long Id { get; set; }

        public string Text { get; set; } = "";

        public string AuthorId { get; set; } = "";

        public string AuthorHandle { get; set; } = "";

        public long AuthorFollowers { get; set; }

        public object AuthorVerified { get; set; } = 0L;

        public long Likes { get; set; }

        public long Reposts { get; set; }

        public long Replies { get; set; }

        public long Quotes { get; set; }

        public object Redacted { get; set; } = 0L;
    }

    private sealed class OutcomeSnapshotRow
    {
        public long MentionId { get; set; }

        public object At { get; set; } = 0L;

        public long Likes { get; set; }

        public long Reposts { get; set; }

        public long Replies { get; set; }

        public long Quotes { get; set; }
    }
}
