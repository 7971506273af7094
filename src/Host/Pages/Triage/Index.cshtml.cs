using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Insights;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Teams;
using SocialWatch.Host.Web;
using SocialWatch.Host.Web.Alerts;

namespace SocialWatch.Host.Pages.Triage;

/// <summary>
/// The agent's queue: saved views of their teams' alerts (mine, unassigned, breached, … and the closed ones), searched,
/// sorted and read a page at a time by key, refreshed live, with bulk actions that run per alert through the workflow.
/// </summary>
public sealed class IndexModel(IInsightsStore insights, TeamScope scope, AlertActionRunner runner, IMemoryCache cache, IOptions<WebOptions> options, TimeProvider time) : PageModel
{
    /// <summary>More rows than a page holds are never acted on at once.</summary>
    public const int MaxBulk = 100;

    /// <summary>Longer search text is cut: a post is at most a few thousand characters.</summary>
    public const int MaxSearchLength = 200;

    public static readonly IReadOnlyList<(QueueView View, string Label)> Views =
    [
        (QueueView.Mine, "Mine"),
        (QueueView.Unassigned, "Unassigned"),
        (QueueView.MyTeam, "My team"),
        (QueueView.Breached, "Breached"),
        (QueueView.DueSoon, "Due soon"),
        (QueueView.AllOpen, "All open"),
        (QueueView.Resolved, "Resolved"),
        (QueueView.Dismissed, "Dismissed"),
    ];

    /// <summary>The dismissal reasons a bulk dismissal offers: a wrong sentiment needs the right one per alert.</summary>
    public static readonly IReadOnlyList<DismissReason> BulkDismissReasons = [DismissReason.NotAComplaint, DismissReason.Spam, DismissReason.Duplicate];

    [BindProperty(SupportsGet = true)]
    public QueueView View { get; set; } = QueueView.AllOpen;

    [BindProperty(SupportsGet = true)]
    public QueueSort Sort { get; set; } = QueueSort.Due;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Brand { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    [BindProperty(SupportsGet = true)]
    public EscalationLevel? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public AlertState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public IReadOnlyList<QueueItem> Items => Current.Items;
    public QueuePage Current { get; private set; } = new([], null, null);
    public QueueViewCounts? Counts { get; private set; }
    public QueueFacets Facets { get; private set; } = new([], []);
    public UserTeams Teams { get; private set; } = new([], false, false);
    public IReadOnlyList<TeamProfile> MemberOf { get; private set; } = [];

    /// <summary>Active members of the teams in scope, for "assign to".</summary>
    public IReadOnlyList<string> Assignees { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }
    public int Limit => options.Value.QueueSize;
    public bool Closed => View is QueueView.Resolved or QueueView.Dismissed;
    public bool CanAct => User.IsInRole(SocialWatchRoles.Agent) || User.IsInRole(SocialWatchRoles.Manager);

    /// <summary>The search as it was run (trimmed and cut), or null.</summary>
    public string? Search => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim() is var q && q.Length > MaxSearchLength ? q[..MaxSearchLength] : Q.Trim();

    [TempData]
    public string? Message { get; set; }

    /// <summary>The rows a bulk action could not change, one line each.</summary>
    [TempData]
    public string? BulkFailures { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Counts = await insights.GetQueueViewCountsAsync(QueueScopeFor(), Now, options.Value.DueSoon, cancellationToken);
        var inScope = await scope.TeamsInAsync(Teams, cancellationToken);
        Assignees = [.. inScope.SelectMany(t => t.Members).Where(m => m.Active).Select(m => m.UserId).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];

        // The filter lists change when a brand or source is added, not per request.
        Facets = (await cache.GetOrCreateAsync("triage:facets", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return insights.GetFacetsAsync(cancellationToken);
        }))!;
    }

    /// <summary>Just the rows of the page shown, for the live refresh.</summary>
    public async Task<IActionResult> OnGetRowsAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Partial("_QueueRows", this);
    }

    public async Task<IActionResult> OnPostClaimAsync(long id, int version, CancellationToken cancellationToken)
    {
        var outcome = await runner.RunAsync(id, AlertAction.Claim, new AlertActionRequest { Version = version }, User, cancellationToken);
        Message = outcome.Succeeded ? $"You claimed alert {id}." : outcome.Error;
        return RedirectToPage(RouteValues());
    }

    /// <summary>
    /// One action on every checked row (<c>id:version</c> each), run alert by alert through the same workflow as the
    /// alert page, so each is team-checked, version-checked, audited and announced on its own; a row that fails (someone
    /// changed it, it is closed) is reported and the others still go through.
    /// </summary>
    public async Task<IActionResult> OnPostBulkAsync(string? bulk, string[] rows, string? assignee, DismissReason? reason, CancellationToken cancellationToken)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        var (action, verb) = bulk switch
        {
            "assign" => (AlertAction.Assign, $"Assigned to {assignee}"),
            "unclaim" => (AlertAction.Unclaim, "Unclaimed"),
            "dismiss" => (AlertAction.Dismiss, "Dismissed"),
            _ => ((AlertAction?)null, ""),
        };
        var targets = rows.Select(ParseRow).OfType<(long Id, int Version)>().Distinct().ToList();
        if (action is null || targets.Count == 0)
        {
            Message = "Tick the rows to act on, then choose an action.";
            return RedirectToPage(RouteValues());
        }

        if (action == AlertAction.Assign && string.IsNullOrWhiteSpace(assignee))
        {
            Message = "Choose whom to assign the ticked alerts to.";
            return RedirectToPage(RouteValues());
        }

        if (targets.Count > MaxBulk)
        {
            Message = $"At most {MaxBulk} alerts at once.";
            return RedirectToPage(RouteValues());
        }

        var failures = new List<string>();
        foreach (var (id, version) in targets)
        {
            var request = new AlertActionRequest { Version = version, Assignee = assignee, Reason = action == AlertAction.Dismiss ? reason : null };
            var outcome = await runner.RunAsync(id, action.Value, request, User, cancellationToken);
            if (!outcome.Succeeded)
            {
                failures.Add($"Alert {id}: {outcome.Error}");
            }
        }

        var done = targets.Count - failures.Count;
        Message = string.Create(CultureInfo.InvariantCulture, $"{verb}: {done} of {targets.Count} alert{(targets.Count == 1 ? "" : "s")}.");
        BulkFailures = failures.Count == 0 ? null : string.Join('\n', failures);
        return RedirectToPage(RouteValues());
    }

    /// <summary>The query string of this view with the given changes (null removes a value); paging restarts unless kept.</summary>
    public Dictionary<string, string> RouteValues(QueueView? view = null, QueueSort? sort = null, string? after = null, string? before = null, bool keepPage = false)
    {
        var values = new Dictionary<string, string?>
        {
            ["view"] = (view ?? View) == QueueView.AllOpen ? null : (view ?? View).ToString(),
            ["sort"] = (sort ?? Sort) == QueueSort.Due ? null : (sort ?? Sort).ToString(),
            ["q"] = Search,
            ["brand"] = Brand,
            ["source"] = Source,
            ["level"] = Level?.ToString(),
            ["state"] = State?.ToString(),
            ["after"] = after ?? (keepPage && before is null ? After : null),
            ["before"] = before ?? (keepPage && after is null ? Before : null),
        };
        return values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => v.Value!);
    }

    public int? CountOf(QueueView view) => Counts is not { } c ? null : view switch
    {
        QueueView.AllOpen => c.AllOpen,
        QueueView.Mine => c.Mine,
        QueueView.Unassigned => c.Unassigned,
        QueueView.MyTeam => c.MyTeam,
        QueueView.Breached => c.Breached,
        QueueView.DueSoon => c.DueSoon,
        _ => null,
    };

    private static (long, int)? ParseRow(string? row) =>
        row?.Split(':') is [var id, var version]
        && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var alertId)
        && int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var alertVersion)
            ? (alertId, alertVersion)
            : null;

    private QueueScope QueueScopeFor() => new()
    {
        Teams = Teams.Teams,
        MemberTeams = [.. MemberOf.Select(t => t.Name)],
        Me = User.Identity?.Name ?? "",
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Teams = await scope.ForAsync(User, cancellationToken);
        MemberOf = await scope.MemberOfAsync(User, cancellationToken);
        Now = time.GetUtcNow();
        Current = await insights.GetQueuePageAsync(
            new QueuePageQuery
            {
                Scope = QueueScopeFor(),
                View = View,
                Sort = Sort,
                Brand = Brand,
                Source = Source,
                Level = Level,
                State = Closed ? null : State,
                Search = Search,
                Now = Now,
                DueSoon = options.Value.DueSoon,
                Limit = Limit,
                After = After,
                Before = Before,
            },
            cancellationToken);
    }
}
