using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SocialWatch.Host.Web;
using SocialWatch.Host.Web.Auth;

namespace SocialWatch.Host.Pages;

public sealed class LoginModel(LocalAccounts accounts, IOptions<WebOptions> options, ILogger<LoginModel> logger) : PageModel
{
    public string? Error { get; private set; }
    public string? UserName { get; private set; }
    public string? ReturnUrl { get; private set; }
    public bool OidcEnabled => options.Value.Oidc.Enabled;

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? userName, string? password, string? returnUrl, CancellationToken cancellationToken)
    {
        ReturnUrl = returnUrl;
        UserName = userName;
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            Error = "Enter your user name and password.";
            return Page();
        }

        var user = await accounts.VerifyAsync(userName, password, cancellationToken);
        if (user is null)
        {
            WebLog.SignInFailed(logger, userName.Trim());
            Error = "The user name or password is wrong.";
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, LocalAccounts.PrincipalFor(user, CookieAuthenticationDefaults.AuthenticationScheme));
        WebLog.SignedIn(logger, user.UserName);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    public IActionResult OnPostCompany(string? returnUrl)
    {
        if (!OidcEnabled)
        {
            return NotFound();
        }

        return Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(returnUrl) ? returnUrl : "/" }, OpenIdConnectDefaults.AuthenticationScheme);
    }
}
