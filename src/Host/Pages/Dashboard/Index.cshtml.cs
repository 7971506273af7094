using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Insights;
using SocialWatch.Host.Web;

namespace SocialWatch.Host.Pages.Dashboard;

/// <summary>PR's view of what is spreading now: top risks, SLA status and the charts, refreshed live.</summary>
public sealed class IndexModel(IInsightsStore insights, IOptions<WebOptions> options, TimeProvider time) : PageModel
{
    public IReadOnlyList<QueueItem> TopRisks { get; private set; } = [];
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
        TopRisks = await insights.GetTopRisksAsync([], 10, cancellationToken);
        Sla = await insights.GetSlaSummaryAsync(Now, options.Value.DueSoon, cancellationToken);
    }
}
