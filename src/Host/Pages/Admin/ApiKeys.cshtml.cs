using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialWatch.Core.Access;
using SocialWatch.Host.Web;
using SocialWatch.Host.Web.Auth;

namespace SocialWatch.Host.Pages.Admin;

/// <summary>API keys for the push endpoint and integrations: created here, shown once, stored hashed.</summary>
public sealed class ApiKeysModel(IApiKeyStore keys, TimeProvider time) : PageModel
{
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    /// <summary>The new key in clear, shown once right after it was created.</summary>
    public string? NewKey { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Name the key after who uses it.")]
    [StringLength(100, MinimumLength = 2, ErrorMessage = "Key names are 2 to 100 characters.")]
    public string Name { get; set; } = "";

    [BindProperty]
    public List<string> Scopes { get; set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Keys = await keys.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var scopes = Scopes.Where(s => ApiKeyScopes.All.Contains(s, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        if (scopes.Count == 0)
        {
            ModelState.AddModelError(nameof(Scopes), "Choose what the key may do.");
        }

        if (!ModelState.IsValid)
        {
            Keys = await keys.ListAsync(cancellationToken);
            return Page();
        }

        var key = ApiKeyGenerator.NewKey();
        var stored = await keys.CreateAsync(
            new ApiKey
            {
                Name = Name.Trim(),
                Prefix = ApiKeyGenerator.PrefixOf(key),
                Hash = ApiKeyGenerator.Hash(key),
                Scopes = scopes,
                CreatedBy = User.Identity!.Name!,
                CreatedAt = time.GetUtcNow(),
            },
            cancellationToken);

        // Rendered directly (no redirect): the key must not pass through TempData cookies or logs.
        NewKey = key;
        Keys = await keys.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken cancellationToken)
    {
        var revoked = await keys.RevokeAsync(id, User.Identity!.Name!, time.GetUtcNow(), cancellationToken);

        Message = revoked ? "Key revoked." : "That key is already revoked.";
        return RedirectToPage();
    }
}
