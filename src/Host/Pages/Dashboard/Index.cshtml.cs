using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Insights;
using SocialWatch.Alerts.Sla;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.Host.Web;

namespace SocialWatch.Host.Pages.Dashboard;

/// <summary>PR's view of what is spreading now: top risks, SLA status and the charts, refreshed live.</summary>
public sealed class IndexModel(IInsightsStore insights, IMentionStore mentions, IOptions<WebOptions> options, TimeProvider time) : PageModel
{
    private const int Shown = 10;

    /// <summary>Candidates read by escalation score before velocity reorders them within each escalation level.</summary>
    private const int Candidates = 30;

    public IReadOnlyList<QueueItem> TopRisks { get; private set; } = [];

    /// <summary>Engagement growth of the top risks' mentions, by mention id; absent before two refreshes.</summary>
    public IReadOnlyDictionary<long, EngagementVelocity> Velocity { get; private set; } = new Dictionary<long, EngagementVelocity>();
    public SlaSummary Sla { get; private set; } = new(0, 0, 0, 0, 0);
    public DateTimeOffset Now { get; private set; }
    public TimeSpan Window => options.Value.DashboardWindow;

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
        var candidates = await insights.GetTopRisksAsync([], Candidates, cancellationToken);
        var velocity = new Dictionary<long, EngagementVelocity>();
        foreach (var mention in candidates.Select(c => c.Mention).OfType<QueueMention>())
        {
            if (EngagementVelocityCalculator.FromSnapshots(await mentions.GetSnapshotsAsync(mention.Id, cancellationToken)) is { } v)
            {
                velocity[mention.Id] = v;
            }
        }

        // What spreads fastest among equally dangerous mentions comes first.
        TopRisks = candidates
            .OrderByDescending(c => c.Mention?.Level)
            .ThenByDescending(c => c.Mention is { } m && velocity.TryGetValue(m.Id, out var v) ? v.EngagementPerHour : 0)
            .ThenByDescending(c => c.Mention?.Escalation)
            .Take(Shown)
            .ToList();
        Velocity = velocity;
        Sla = await insights.GetSlaSummaryAsync(Now, options.Value.DueSoon, cancellationToken);
    }
}
