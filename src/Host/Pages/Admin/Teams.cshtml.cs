using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialWatch.Core.Access;
using SocialWatch.Core.Teams;

namespace SocialWatch.Host.Pages.Admin;

/// <summary>Teams and their members (the people whose queue shows the team's alerts).</summary>
public sealed class TeamsModel(ITeamStore teams, IUserStore users) : PageModel
{
    public IReadOnlyList<TeamProfile> Teams { get; private set; } = [];

    [BindProperty]
    public TeamForm Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Teams = await teams.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var members = (Input.Members ?? "").Split([',', ' ', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        foreach (var member in members)
        {
            if (await users.FindAsync(member, cancellationToken) is null)
            {
                ModelState.AddModelError("Input.Members", $"There is no user '{member}'.");
            }
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(Input.TimeZoneId ?? "", out _))
        {
            ModelState.AddModelError("Input.TimeZoneId", $"'{Input.TimeZoneId}' is not a time zone id such as Europe/Berlin.");
        }

        if (!ModelState.IsValid)
        {
            Teams = await teams.ListAsync(cancellationToken);
            return Page();
        }

        var existing = await teams.GetAsync(Input.Name.Trim(), cancellationToken);
        var team = (existing ?? new TeamProfile { Name = Input.Name.Trim() }) with
        {
            LeadEmail = string.IsNullOrWhiteSpace(Input.LeadEmail) ? null : Input.LeadEmail.Trim(),
            TimeZoneId = Input.TimeZoneId!.Trim(),
            Members = members.Select(m => existing?.Members.FirstOrDefault(x => string.Equals(x.UserId, m, StringComparison.OrdinalIgnoreCase)) ?? new TeamMember(m, null, Input.Capacity)).ToList(),
        };
        await teams.SaveAsync(team, User.Identity!.Name!, cancellationToken);
        Message = $"Team {team.Name} saved.";
        return RedirectToPage();
    }

    public sealed class TeamForm
    {
        [Required(ErrorMessage = "Enter a team name.")]
        [StringLength(64, MinimumLength = 2, ErrorMessage = "Team names are 2 to 64 characters.")]
        public string Name { get; set; } = "";

        [EmailAddress(ErrorMessage = "The lead's address is not an e-mail address.")]
        public string? LeadEmail { get; set; }

        public string? TimeZoneId { get; set; } = "UTC";

        [Range(1, 500, ErrorMessage = "Capacity is 1 to 500 open alerts per member.")]
        public int Capacity { get; set; } = 20;

        /// <summary>User names separated by commas.</summary>
        public string? Members { get; set; }
    }
}
