using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialWatch.Core.Scoring;
using SocialWatch.Scoring.Models;

namespace SocialWatch.Host.Pages.Admin;

/// <summary>
/// The cluster's model versions with their metrics: which one is promoted, which one a rollback returns to, and what
/// this host serves. Promote and rollback act for every host (each picks the change up on its next poll) and are
/// written to the admin audit in the same transaction.
/// </summary>
public sealed class ModelsModel(SharedModels models) : PageModel
{
    public IReadOnlyList<ModelVersionListing> Versions { get; private set; } = [];

    public PromotedModel? Promoted { get; private set; }

    public ModelSyncStatus Status { get; private set; } = new("", null, null, null);

    public string HostName { get; } = Environment.MachineName;

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Error { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Versions = await models.ListAsync(cancellationToken);
        Promoted = await models.GetPromotedAsync(cancellationToken);
        Status = models.Status;
    }

    public async Task<IActionResult> OnPostPromoteAsync(string version, CancellationToken cancellationToken)
    {
        try
        {
            var promoted = await models.PromoteAsync(version ?? "", User.Identity!.Name!, cancellationToken);
            Message = $"Promoted {promoted.Version} for every host (replacing {promoted.Previous ?? "nothing"}).";
        }
        catch (ModelVersionException ex)
        {
            Error = ex.Message;
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRollbackAsync(CancellationToken cancellationToken)
    {
        try
        {
            var restored = await models.RollbackAsync(User.Identity!.Name!, cancellationToken);
            Message = $"Rolled back to {restored.Version} for every host.";
        }
        catch (ModelVersionException ex)
        {
            Error = ex.Message;
        }

        return RedirectToPage();
    }
}
