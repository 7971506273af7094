using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialWatch.Host.Web;

namespace SocialWatch.Host.Pages;

/// <summary>Sends each person to the page their role works in.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        if (User.IsInRole(SocialWatchRoles.Agent))
        {
            return Redirect("/triage");
        }

        if (User.IsInRole(SocialWatchRoles.Pr) || User.IsInRole(SocialWatchRoles.Manager))
        {
            return Redirect("/dashboard");
        }

        return User.IsInRole(SocialWatchRoles.Admin) ? Redirect("/admin") : Page();
    }
}
