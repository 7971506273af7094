using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Insights;
using SocialWatch.Core.Scoring;
using SocialWatch.Host.Web;
using SocialWatch.Host.Web.Alerts;

namespace SocialWatch.Host.Pages.Triage;

/// <summary>The agent's queue: open alerts of their teams by priority and SLA due, filtered, refreshed live.</summary>
public sealed class IndexModel(IInsightsStore insights, TeamScope scope, AlertActionRunner runner, IMemoryCache cache, IOptions<WebOptions> options, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Brand { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    [BindProperty(SupportsGet = true)]
    public EscalationLevel? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public AlertState? State { get; set; }

    public IReadOnlyList<QueueItem> Items { get; private set; } = [];
    public QueueFacets Facets { get; private set; } = new([], []);
    public UserTeams Teams { get; private set; } = new([], false, false);
    public DateTimeOffset Now { get; private set; }
    public int Limit => options.Value.QueueSize;

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        // The filter lists change when a brand or source is added, not per request.
        Facets = (await cache.GetOrCreateAsync("triage:facets", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return insights.GetFacetsAsync(cancellationToken);
        }))!;
    }

    /// <summary>Just the rows, for the live refresh.</summary>
    public async Task<IActionResult> OnGetRowsAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Partial("_QueueRows", this);
    }

    public async Task<IActionResult> OnPostClaimAsync(long id, int version, CancellationToken cancellationToken)
    {
        var outcome = await runner.RunAsync(id, AlertAction.Claim, new AlertActionRequest { Version = version }, User, cancellationToken);
        Message = outcome.Succeeded ? $"You claimed alert {id}." : outcome.Error;
        return RedirectToPage(new { Brand, Source, Level, State });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Teams = await scope.ForAsync(User, cancellationToken);
        Now = time.GetUtcNow();
        Items = await insights.GetQueueAsync(
            new QueueFilter { Teams = Teams.Teams, Brand = Brand, Source = Source, Level = Level, State = State, Limit = Limit },
            cancellationToken);
    }
}
