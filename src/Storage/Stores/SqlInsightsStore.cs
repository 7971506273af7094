using System.Text.Json;
using Dapper;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Insights;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Storage.Stores;

/// <summary>
/// The statements one dialect runs for the queue, the dashboard and the alert page. <c>QueueSql</c> and
/// <c>TopRisksSql</c> select the alert's columns and then the mention's from <c>MId</c> on, its engagement summed as
/// floating point (so that counters stored before the input bounds cannot overflow); team and brand lists travel as
/// an array (@Teams, @brands) and as JSON (@TeamsJson, @brandsJson, null for all). <c>VolumeSql</c> counts per hour
/// since the epoch (Hour).
/// </summary>
internal sealed record InsightsSql
{
    public required string QueueSql { get; init; }

    public required string TopRisksSql { get; init; }

    /// <summary>
    /// A page of an open view by priority and due, forwards and backwards; then by risk; then a closed view newest
    /// first. Each selects the queue row and then <c>SortScore</c> (the alert's own score, the risk order's key).
    /// </summary>
    public required string OpenByDueSql { get; init; }

    public required string OpenByDueBackSql { get; init; }

    public required string OpenByRiskSql { get; init; }

    public required string OpenByRiskBackSql { get; init; }

    public required string ClosedSql { get; init; }

    public required string ClosedBackSql { get; init; }

    public required string ViewCountsSql { get; init; }

    public required string VolumeSql { get; init; }

    public required string SpikesSql { get; init; }

    public required string SourcesSql { get; init; }

    public required string ReasonsSql { get; init; }

    public required string SlaSql { get; init; }

    public required string HistorySql { get; init; }

    public required string FacetsSql { get; init; }
}

/// <summary>Read-only views over alerts and mentions for the web: the care queue, dashboard figures and author history.</summary>
internal sealed class SqlInsightsStore(SqlDialect dialect, InsightsSql sql) : IInsightsStore
{
    /// <summary>
    /// The queue row of SQLite and PostgreSQL: the alert and its mention, engagement summed as <paramref name="floatType"/>
    /// so huge counters cannot overflow.
    /// </summary>
    public static string QueueColumns(string floatType) => $"""
        a.id AS Id, a.kind AS Kind, a.mention_id AS MentionId, a.brand AS Brand, a.team AS Team, a.priority AS Priority,
        a.state AS State, a.title AS Title, a.reasons AS Reasons, a.assigned_to AS AssignedTo, a.created_at AS CreatedAt,
        a.updated_at AS UpdatedAt, a.first_response_due_at AS FirstResponseDueAt, a.resolve_due_at AS ResolveDueAt,
        a.first_responded_at AS FirstRespondedAt, a.resolved_at AS ResolvedAt, a.dismiss_reason AS DismissReason,
        a.version AS Version,
        m.id AS MId, m.source AS Source, m.text AS Text, m.author_id AS AuthorId, m.author_handle AS AuthorHandle,
        m.author_display_name AS AuthorDisplayName, m.author_followers AS AuthorFollowers, m.author_verified AS AuthorVerified,
        m.url AS Url, CAST(m.likes AS {floatType}) + m.reposts + m.replies + m.quotes AS Engagement, m.escalation_score AS EscalationScore,
        m.escalation_level AS EscalationLevel, m.p_negative AS PNegative, m.created_at AS MCreatedAt
        """;

    public async Task<IReadOnlyList<QueueItem>> GetQueueAsync(QueueFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SqlAlertRow, QueueMentionRow, QueueItem>(
            new CommandDefinition(sql.QueueSql, new
            {
                Teams = filter.Teams.ToArray(),
                TeamsJson = filter.Teams.Count == 0 ? null : JsonSerializer.Serialize(filter.Teams),
                filter.Brand,
                filter.Source,
                Level = filter.Level?.ToString(),
                State = filter.State?.ToString(),
                filter.Limit,
            }, cancellationToken: cancellationToken),
            (alert, mention) => new QueueItem(alert.ToAlert(), mention?.ToMention()),
            splitOn: "MId");
        return [.. rows];
    }

    public async Task<QueuePage> GetQueuePageAsync(QueuePageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var order = QueueCursor.OrderOf(query.View, query.Sort);
        var before = QueueCursor.TryParse(query.Before, order);
        var cursor = before ?? QueueCursor.TryParse(query.After, order);
        var backward = before is not null;
        var statement = (order, backward) switch
        {
            ('d', false) => sql.OpenByDueSql,
            ('d', true) => sql.OpenByDueBackSql,
            ('r', false) => sql.OpenByRiskSql,
            ('r', true) => sql.OpenByRiskBackSql,
            (_, false) => sql.ClosedSql,
            (_, true) => sql.ClosedBackSql,
        };
        var limit = Math.Clamp(query.Limit, 1, 500);
        var (k1, k2, k3) = (cursor ?? QueueCursor.Start(order)).Parameters(dialect);
        var scope = ScopeParameters(query.Scope);

        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<SqlAlertRow, QueueMentionRow, SortKeyRow, (QueueItem Item, double? Score)>(
            new CommandDefinition(statement, new
            {
                scope.Teams,
                scope.TeamsJson,
                scope.AllTeams,
                scope.MemberTeams,
                scope.MemberTeamsJson,
                scope.Me,
                View = (int)query.View,
                Closed = query.View == QueueView.Dismissed ? nameof(AlertState.Dismissed) : nameof(AlertState.Resolved),
                query.Brand,
                query.Source,
                Level = query.Level?.ToString(),
                State = query.State?.ToString(),
                Pattern = QueueKeyset.ContainsPattern(query.Search),
                Now = dialect.ToDb(query.Now),
                Soon = dialect.ToDb(query.Now + query.DueSoon),
                Far = dialect.ToDb(QueueKeyset.Far),
                Paged = cursor is null ? 0 : 1,
                K1 = k1,
                K2 = k2,
                K3 = k3,
                Limit = limit + 1,
            }, cancellationToken: cancellationToken),
            (alert, mention, key) => (new QueueItem(alert.ToAlert(), mention?.ToMention()), key?.SortScore),
            splitOn: "MId,SortScore")).ToList();

        // One row more than the page tells whether the walk goes on; backwards, that row is the first one.
        var more = rows.Count > limit;
        var page = !more ? rows : backward ? rows[1..] : rows[..limit];
        string? Token(int index) => page.Count == 0 ? null : QueueCursor.TokenFor(order, page[index].Item, page[index].Score);
        var ignored = cursor is null && !(string.IsNullOrEmpty(query.Before) && string.IsNullOrEmpty(query.After));
        return (backward
            ? new QueuePage([.. page.Select(r => r.Item)], Token(page.Count - 1), more ? Token(0) : null)
            : new QueuePage([.. page.Select(r => r.Item)], more ? Token(page.Count - 1) : null, cursor is null ? null : Token(0)))
            with { TokenIgnored = ignored };
    }

    public async Task<QueueViewCounts> GetQueueViewCountsAsync(QueueScope scope, DateTimeOffset now, TimeSpan dueSoon, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var p = ScopeParameters(scope);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<ViewCountsRow>(new CommandDefinition(
            sql.ViewCountsSql,
            new { p.Teams, p.TeamsJson, p.AllTeams, p.MemberTeams, p.MemberTeamsJson, p.Me, Now = dialect.ToDb(now), Soon = dialect.ToDb(now + dueSoon) },
            cancellationToken: cancellationToken));
        return new QueueViewCounts((int)row.AllOpen, (int)row.Mine, (int)row.Unassigned, (int)row.MyTeam, (int)row.Breached, (int)row.DueSoon);
    }

    private static (string[] Teams, string? TeamsJson, int AllTeams, string[] MemberTeams, string MemberTeamsJson, string Me) ScopeParameters(QueueScope scope) => (
        [.. scope.Teams],
        scope.Teams.Count == 0 ? null : JsonSerializer.Serialize(scope.Teams),
        scope.Teams.Count == 0 ? 1 : 0,
        [.. scope.MemberTeams],
        JsonSerializer.Serialize(scope.MemberTeams),
        scope.Me);

    public async Task<IReadOnlyList<QueueItem>> GetTopRisksAsync(IReadOnlyList<string> brands, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brands);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SqlAlertRow, QueueMentionRow, QueueItem>(
            new CommandDefinition(
                sql.TopRisksSql,
                new { brands = brands.ToArray(), brandsJson = brands.Count == 0 ? null : JsonSerializer.Serialize(brands), limit },
                cancellationToken: cancellationToken),
            (alert, mention) => new QueueItem(alert.ToAlert(), mention?.ToMention()),
            splitOn: "MId");
        return [.. rows];
    }

    public async Task<IReadOnlyList<VolumeBucket>> GetVolumeAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<VolumeRow>(new CommandDefinition(
            sql.VolumeSql, new { since = dialect.ToDb(since), until = dialect.ToDb(until) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new VolumeBucket(r.Brand, DateTimeOffset.FromUnixTimeMilliseconds(r.Hour * 3_600_000), r.Mentions, r.Negative))];
    }

    public async Task<IReadOnlyList<SpikeMark>> GetSpikesAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SpikeMarkRow>(new CommandDefinition(
            sql.SpikesSql, new { since = dialect.ToDb(since), until = dialect.ToDb(until) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new SpikeMark(r.AlertId, r.Brand, SqlDialect.FromDb(r.At)))];
    }

    public async Task<IReadOnlyList<CountBy>> GetSourceBreakdownAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CountRow>(new CommandDefinition(
            sql.SourcesSql, new { since = dialect.ToDb(since), until = dialect.ToDb(until) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToCount())];
    }

    public async Task<IReadOnlyList<CountBy>> GetReasonBreakdownAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReasonKeyRow>(new CommandDefinition(sql.ReasonsSql, cancellationToken: cancellationToken));
        return [.. ReasonKeyRow.ByCode(rows).Take(limit).Select(r => new CountBy(r.Code, (int)r.Count))];
    }

    public async Task<SlaSummary> GetSlaSummaryAsync(DateTimeOffset now, TimeSpan dueSoon, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<SlaRow>(new CommandDefinition(
            sql.SlaSql, new { now = dialect.ToDb(now), soon = dialect.ToDb(now + dueSoon) }, cancellationToken: cancellationToken));
        return row.ToSummary();
    }

    public async Task<IReadOnlyList<AuthorHistoryItem>> GetAuthorHistoryAsync(string source, string authorId, string brand, long excludeMentionId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuthorHistoryRow>(new CommandDefinition(
            sql.HistorySql, new { source, authorId, brand, excludeMentionId, limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AuthorHistoryItem(
            r.MentionId,
            r.Text,
            SqlDialect.FromDb(r.CreatedAt),
            Enum.TryParse<AlertState>(r.AlertState, out var state) ? state : null,
            r.DismissReason))];
    }

    public async Task<QueueFacets> GetFacetsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var grid = await connection.QueryMultipleAsync(new CommandDefinition(sql.FacetsSql, cancellationToken: cancellationToken));
        var brands = (await grid.ReadAsync<string>()).ToList();
        var sources = (await grid.ReadAsync<string>()).ToList();
        return new QueueFacets(brands, sources);
    }

    /// <summary>The mention half of a queue row; <see cref="MId"/> is null for alerts without a mention.</summary>
    private sealed class QueueMentionRow
    {
        public long? MId { get; set; }
        public string? Source { get; set; }
        public string? Text { get; set; }
        public string? AuthorId { get; set; }
        public string? AuthorHandle { get; set; }
        public string? AuthorDisplayName { get; set; }
        public long AuthorFollowers { get; set; }
        public bool AuthorVerified { get; set; }
        public string? Url { get; set; }

        /// <summary>Summed as floating point in SQL, so that counters stored before the bounds cannot overflow the query.</summary>
        public double? Engagement { get; set; }
        public float? EscalationScore { get; set; }
        public string? EscalationLevel { get; set; }
        public float? PNegative { get; set; }
        public object? MCreatedAt { get; set; }

        public QueueMention? ToMention() => MId is not { } id
            ? null
            : new QueueMention(
                id,
                Source ?? "",
                Text ?? "",
                AuthorId ?? "",
                AuthorHandle ?? "",
                AuthorDisplayName,
                AuthorFollowers,
                AuthorVerified,
                Url,
                Engagement is not { } engagement || double.IsNaN(engagement) ? 0 : engagement >= long.MaxValue ? long.MaxValue : (long)Math.Max(0, engagement),
                EscalationScore is { } score && float.IsFinite(score) ? score : 0,
                Enum.TryParse<EscalationLevel>(EscalationLevel, out var level) ? level : Core.Scoring.EscalationLevel.Low,
                PNegative ?? 0,
                SqlDialect.FromDbNullable(MCreatedAt) ?? default);
    }

    /// <summary>The alert's own escalation score, the risk order's first key (the mention's may differ after a re-score).</summary>
    private sealed class SortKeyRow
    {
        public double? SortScore { get; set; }
    }

    private sealed class ViewCountsRow
    {
        public long AllOpen { get; set; }
        public long Mine { get; set; }
        public long Unassigned { get; set; }
        public long MyTeam { get; set; }
        public long Breached { get; set; }
        public long DueSoon { get; set; }
    }

    private sealed class SpikeMarkRow
    {
        public long AlertId { get; set; }
        public string Brand { get; set; } = "";
        public object At { get; set; } = 0L;
    }

    private sealed class AuthorHistoryRow
    {
        public long MentionId { get; set; }
        public string Text { get; set; } = "";
        public object CreatedAt { get; set; } = 0L;
        public string? AlertState { get; set; }
        public string? DismissReason { get; set; }
    }
}
