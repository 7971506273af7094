using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialWatch.Alerts.Sla;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Sla;

namespace SocialWatch.Host.Pages.Admin;

/// <summary>SLA policies: time to first response and to resolution per priority.</summary>
public sealed class SlaModel(ISlaPolicyStore policies) : PageModel
{
    public static IReadOnlyList<AlertPriority> Priorities { get; } = [AlertPriority.Urgent, AlertPriority.High, AlertPriority.Normal, AlertPriority.Low];

    public IReadOnlyList<SlaPolicy> Policies { get; private set; } = [];

    [BindProperty]
    public PolicyForm Input { get; set; } = PolicyForm.From(SlaPolicy.Default);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Policies = await policies.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (Input.Targets.Count != Priorities.Count)
        {
            ModelState.AddModelError("", "Give deadlines for every priority.");
        }

        for (var i = 0; i < Input.Targets.Count; i++)
        {
            if (Input.Targets[i].ResolutionHours < Input.Targets[i].FirstResponseHours)
            {
                ModelState.AddModelError($"Input.Targets[{i}].ResolutionHours", $"{Priorities[i]}: resolution cannot be due before the first response.");
            }
        }

        if (!ModelState.IsValid)
        {
            Policies = await policies.ListAsync(cancellationToken);
            return Page();
        }

        var policy = new SlaPolicy
        {
            Name = Input.Name.Trim(),
            Targets = Priorities.Select((p, i) => new SlaTarget(
                p,
                TimeSpan.FromHours(Input.Targets[i].FirstResponseHours),
                TimeSpan.FromHours(Input.Targets[i].ResolutionHours),
                Input.Targets[i].BusinessHoursOnly)).ToList(),
        };
        await policies.SaveAsync(policy, User.Identity!.Name!, cancellationToken);
        Message = $"SLA policy {policy.Name} saved.";
        return RedirectToPage();
    }

    public sealed class PolicyForm
    {
        [Required(ErrorMessage = "Name the policy.")]
        [RegularExpression("^[A-Za-z0-9 _.-]{2,64}$", ErrorMessage = "Policy names are 2–64 letters, digits, spaces or . _ -.")]
        public string Name { get; set; } = "";

        public List<TargetForm> Targets { get; set; } = [];

        public static PolicyForm From(SlaPolicy policy) => new()
        {
            Name = policy.Name,
            Targets = Priorities.Select(p => policy.For(p) is { } t
                ? new TargetForm { FirstResponseHours = t.FirstResponse.TotalHours, ResolutionHours = t.Resolution.TotalHours, BusinessHoursOnly = t.BusinessHoursOnly }
                : new TargetForm()).ToList(),
        };
    }

    public sealed class TargetForm
    {
        [Range(0.05, 24 * 30, ErrorMessage = "First response is due 0.05 to 720 hours after the alert.")]
        public double FirstResponseHours { get; set; } = 4;

        [Range(0.05, 24 * 90, ErrorMessage = "Resolution is due 0.05 to 2160 hours after the alert.")]
        public double ResolutionHours { get; set; } = 24;

        public bool BusinessHoursOnly { get; set; }
    }
}
