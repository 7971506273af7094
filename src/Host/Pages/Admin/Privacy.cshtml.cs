using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialWatch.Alerts.Retention;
using SocialWatch.Core.Retention;

namespace SocialWatch.Host.Pages.Admin;

/// <summary>
/// Erasure of one author's data: the admin names the source and the author, sees what is stored (counts only, never
/// the content), confirms, and sees what was erased; the recent erasures come from the data audit (hashes, not authors).
/// </summary>
public sealed class PrivacyModel(EraseAuthorData erase, IDataAuditLog audit, TimeProvider time) : PageModel
{
    /// <summary>How far back the list of recent erasures reaches.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromDays(90);

    public const int RecentLimit = 20;

    // Sources SocialWatch reads; a pushed mention may carry another name, typed in the same field.
    public static readonly string[] KnownSources = ["x", "reddit", "bluesky", "mastodon", "youtube", "rss"];

    [BindProperty]
    public string Source { get; set; } = "x";

    [BindProperty]
    public string Author { get; set; } = "";

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>What would be erased, shown before the admin confirms.</summary>
    public AuthorErasureResult? Preview { get; private set; }

    /// <summary>What was erased, shown after.</summary>
    public AuthorErasureResult? Erased { get; private set; }

    public string? Problem { get; private set; }

    public IReadOnlyList<DataAuditEntry> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadRecentAsync(cancellationToken);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (Validate())
        {
            var result = await erase.PreviewAsync(Source, Author, cancellationToken);
            Problem = Explain(result);
            Preview = Problem is null ? result : null;
        }

        await LoadRecentAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken cancellationToken)
    {
        if (Validate())
        {
            var result = await erase.ExecuteAsync(new EraseAuthorCommand(Source, Author, User.Identity!.Name!, Reason), cancellationToken);
            Problem = Explain(result);
            Erased = Problem is null ? result : null;
        }

        await LoadRecentAsync(cancellationToken);
        return Page();
    }

    private bool Validate()
    {
        Source = Source?.Trim().ToLowerInvariant() ?? "";
        Author = Author?.Trim() ?? "";
        Reason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
        Problem = EraseAuthorData.Problem(Source, Author, Reason);
        return Problem is null;
    }

    private string? Explain(AuthorErasureResult result) => result.Outcome switch
    {
        AuthorErasureOutcome.NothingStored => $"Nothing is stored for '{Author}' on {Source}.",
        AuthorErasureOutcome.Ambiguous => $"'{Author}' is the handle of {result.AuthorIds.Count} authors on {Source} (ids {string.Join(", ", result.AuthorIds)}): enter one of the ids instead.",
        _ => null,
    };

    private async Task LoadRecentAsync(CancellationToken cancellationToken)
    {
        // The log lists oldest first; the page wants the newest few of the window.
        var entries = await audit.ListAsync(time.GetUtcNow() - RecentWindow, 5_000, cancellationToken);
        Recent = [.. entries.Where(e => e.Action == "author-erasure").Reverse().Take(RecentLimit)];
    }
}
