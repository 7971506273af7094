using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialWatch.Alerts.Routing;
using SocialWatch.Alerts.Sla;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Routing;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Sla;
using SocialWatch.Core.Teams;

namespace SocialWatch.Host.Pages.Admin;

/// <summary>Routing rules: which mentions raise alerts for which team, at which priority and SLA.</summary>
public sealed class RulesModel(IRoutingRuleStore rules, ITeamStore teams, ISlaPolicyStore policies) : PageModel
{
    public IReadOnlyList<RoutingRule> Rules { get; private set; } = [];
    public IReadOnlyList<string> TeamNames { get; private set; } = [];
    public IReadOnlyList<string> PolicyNames { get; private set; } = [];

    [BindProperty]
    public RuleForm Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Input.Action == RuleAction.Route && !TeamNames.Contains(Input.Team ?? "", StringComparer.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.Team", $"A routing rule needs an existing team; '{Input.Team}' is not one (add it under Teams first).");
        }

        if (!string.IsNullOrWhiteSpace(Input.SlaPolicy) && !PolicyNames.Contains(Input.SlaPolicy, StringComparer.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.SlaPolicy", $"There is no SLA policy '{Input.SlaPolicy}'.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var rule = new RoutingRule
        {
            Id = Input.Id,
            Name = Input.Name.Trim(),
            Order = Input.Order,
            Enabled = Input.Enabled,
            Action = Input.Action,
            Team = Input.Action == RuleAction.Route ? Input.Team!.Trim() : null,
            Priority = Input.Priority,
            SlaPolicy = string.IsNullOrWhiteSpace(Input.SlaPolicy) ? null : Input.SlaPolicy.Trim(),
            Conditions = new RuleConditions
            {
                Brands = List(Input.Brands),
                Sources = List(Input.Sources).Select(s => s.ToLowerInvariant()).ToList(),
                KeywordsAny = List(Input.Keywords),
                MinEscalationLevel = Input.MinEscalationLevel,
                MinComplaint = Input.MinComplaint,
                MinFollowers = Input.MinFollowers,
            },
        };
        // The checks above are the store's own (a name, a team to route to): what it still refuses is a defect, not input.
        await rules.SaveAsync(rule, User.Identity!.Name!, cancellationToken);

        Message = $"Rule {rule.Name} saved.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        await rules.DeleteAsync(id, User.Identity!.Name!, cancellationToken);
        Message = $"Rule {id.ToString(CultureInfo.InvariantCulture)} deleted.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rules = await rules.ListAsync(cancellationToken);
        TeamNames = (await teams.ListAsync(cancellationToken)).Select(t => t.Name).ToList();
        PolicyNames = (await policies.ListAsync(cancellationToken)).Select(p => p.Name).ToList();
    }

    private static List<string> List(string? text) =>
        (text ?? "").Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static string Describe(RuleConditions c)
    {
        var parts = new List<string>();
        if (c.Brands.Count > 0) { parts.Add("brand " + string.Join("/", c.Brands)); }
        if (c.Sources.Count > 0) { parts.Add("source " + string.Join("/", c.Sources)); }
        if (c.MinEscalationLevel is { } level) { parts.Add($"escalation ≥ {level}"); }
        if (c.MinComplaint is { } complaint) { parts.Add($"complaint ≥ {complaint.ToString("0.##", CultureInfo.InvariantCulture)}"); }
        if (c.MinFollowers is { } followers) { parts.Add($"followers ≥ {followers.ToString(CultureInfo.InvariantCulture)}"); }
        if (c.KeywordsAny.Count > 0) { parts.Add("words " + string.Join("/", c.KeywordsAny)); }
        if (c.Sentiments.Count > 0) { parts.Add("sentiment " + string.Join("/", c.Sentiments)); }
        return parts.Count == 0 ? "every mention" : string.Join(", ", parts);
    }

    public sealed class RuleForm
    {
        /// <summary>0 adds a rule; an existing id replaces that rule.</summary>
        public long Id { get; set; }

        [Required(ErrorMessage = "Name the rule.")]
        [StringLength(100, MinimumLength = 2, ErrorMessage = "Rule names are 2 to 100 characters.")]
        public string Name { get; set; } = "";

        [Range(0, 10_000, ErrorMessage = "Order is 0 to 10000; lower runs first.")]
        public int Order { get; set; } = 100;

        public bool Enabled { get; set; } = true;
        public RuleAction Action { get; set; } = RuleAction.Route;
        public string? Team { get; set; }
        public AlertPriority Priority { get; set; } = AlertPriority.Normal;
        public string? SlaPolicy { get; set; }
        public string? Brands { get; set; }
        public string? Sources { get; set; }
        public string? Keywords { get; set; }
        public EscalationLevel? MinEscalationLevel { get; set; }

        [Range(0, 1, ErrorMessage = "The complaint probability is between 0 and 1.")]
        public float? MinComplaint { get; set; }

        [Range(0, long.MaxValue, ErrorMessage = "Followers cannot be negative.")]
        public long? MinFollowers { get; set; }
    }
}
