using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Spread;
using SocialWatch.Core.Insights;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Spread;
using SocialWatch.Host.Web;
using SocialWatch.Host.Web.Charts;
using SocialWatch.Host.Web.Spread;

namespace SocialWatch.Host.Pages.Dashboard;

/// <summary>PR's view of what is spreading now: the fastest growing mentions, top risks, SLA status and the charts, refreshed live.</summary>
public sealed class IndexModel(IInsightsStore insights, ISpreadQueries spread, IOptions<WebOptions> options, TimeProvider time) : PageModel
{
    private const int Shown = 10;

    /// <summary>Candidates read by escalation score before velocity reorders them within each escalation level.</summary>
    private const int Candidates = 30;

    /// <summary>Watched mentions whose growth was seen last, ranked by projection for "what is spreading now".</summary>
    private const int WatchedCandidates = 50;

    /// <summary>Readings per mention: enough for the line and the projection, bounded for a page of rows.</summary>
    private const int SeriesPoints = Sparkline.MaxPoints;

    public IReadOnlyList<QueueItem> TopRisks { get; private set; } = [];

    /// <summary>Growing now, most interactions still to come first.</summary>
    public IReadOnlyList<SpreadingRow> Spreading { get; private set; } = [];

    /// <summary>Engagement growth of the top risks' mentions, by mention id; absent before two refreshes.</summary>
    public IReadOnlyDictionary<long, EngagementVelocity> Velocity { get; private set; } = new Dictionary<long, EngagementVelocity>();

    /// <summary>Interactions over time of the top risks' mentions, by mention id; absent before the first refresh.</summary>
    public IReadOnlyDictionary<long, Sparkline> Sparklines { get; private set; } = new Dictionary<long, Sparkline>();

    public SlaSummary Sla { get; private set; } = new(0, 0, 0, 0, 0);
    public DateTimeOffset Now { get; private set; }
    public TimeSpan Window => options.Value.DashboardWindow;
    public TimeSpan RefreshInterval => options.Value.DashboardRefreshInterval;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The tables, for the live refresh.</summary>
    public async Task<IActionResult> OnGetTablesAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Partial("_DashboardTables", this);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        var risks = await insights.GetTopRisksAsync([], Candidates, cancellationToken);
        var watched = await spread.GetRecentlyGrowingAsync(Now, WatchedCandidates, cancellationToken);

        // Alerted mentions first, so that a mention both alerted and watched keeps its open alert's link.
        var candidates = risks
            .Where(r => r.Mention is not null)
            .Select(r => new SpreadCandidate(r.Mention!, r.Alert.Brand, r.Alert.Id))
            .Concat(watched.Select(w => new SpreadCandidate(w.Mention, w.Brand, w.AlertId)))
            .ToList();
        var series = await spread.GetSnapshotSeriesAsync([.. candidates.Select(c => c.Mention.Id).Distinct()], Now - Window, SeriesPoints, cancellationToken);

        var velocity = new Dictionary<long, EngagementVelocity>();
        var sparklines = new Dictionary<long, Sparkline>();
        foreach (var mention in risks.Select(r => r.Mention).OfType<QueueMention>())
        {
            var snapshots = series.GetValueOrDefault(mention.Id) ?? [];
            if (EngagementVelocityCalculator.FromSnapshots(snapshots, SpreadRanking.GrowingWindow) is { } v)
            {
                velocity[mention.Id] = v;
            }

            if (Sparkline.From(snapshots) is { } line)
            {
                sparklines[mention.Id] = line;
            }
        }

        // What spreads fastest among equally dangerous mentions comes first.
        TopRisks = risks
            .OrderByDescending(c => c.Mention?.Level)
            .ThenByDescending(c => c.Mention is { } m && velocity.TryGetValue(m.Id, out var v) ? v.EngagementPerHour : 0)
            .ThenByDescending(c => c.Mention?.Escalation)
            .Take(Shown)
            .ToList();
        Velocity = velocity;
        Sparklines = sparklines;
        Spreading = SpreadRanking.Rank(candidates, series, Shown);
        Sla = await insights.GetSlaSummaryAsync(Now, options.Value.DueSoon, cancellationToken);
    }
}
