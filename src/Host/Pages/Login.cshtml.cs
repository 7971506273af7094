using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SocialWatch.Host.Web;
using SocialWatch.Host.Web.Auth;

namespace SocialWatch.Host.Pages;

[EnableRateLimiting(SignInProtection.AddressPolicy)]
public sealed class LoginModel(
    LocalAccounts accounts,
    SignInLockout lockout,
    AccountRateLimiter accountLimiter,
    IOptions<WebOptions> options,
    IOptions<SignInOptions> signIn,
    ILogger<LoginModel> logger) : PageModel
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

        var name = userName.Trim();
        var address = SignInProtection.Address(HttpContext);
        using var lease = accountLimiter.Acquire(name);
        if (!lease.IsAcquired)
        {
            return Refused(name, address, lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : signIn.Value.Window, "too many sign-ins for this account");
        }

        // A locked account's password is not even hashed: guessing it costs the guesser time and this host nothing.
        var state = await lockout.CheckAsync(name, cancellationToken);
        var checkedState = state;
        if (state.Locked)
        {
            return Refused(name, address, state.RetryAfter, "account locked");
        }

        var user = await accounts.VerifyAsync(name, password, cancellationToken);
        if (user is null)
        {
            WebLog.SignInFailed(logger, name);
            state = await lockout.FailedAsync(name, signIn.Value.LockoutThreshold, name, $"sign-in from {address}", cancellationToken);
            if (state.Locked)
            {
                return Refused(name, address, state.RetryAfter, "account locked");
            }

            Error = "The user name or password is wrong.";
            return Page();
        }

        await lockout.SucceededAsync(name, checkedState, cancellationToken);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, LocalAccounts.PrincipalFor(user, CookieAuthenticationDefaults.AuthenticationScheme));
        WebLog.SignedIn(logger, user.UserName);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    private PageResult Refused(string name, string address, TimeSpan retryAfter, string reason)
    {
        WebLog.SignInThrottled(logger, name, address, reason);
        SignInProtection.SetRetryAfter(Response, retryAfter);
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        Error = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Too many sign-in attempts for this account. Try again in {minutes} minute{(minutes == 1 ? "" : "s")}.");
        var page = Page();
        page.StatusCode = StatusCodes.Status429TooManyRequests;
        return page;
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
