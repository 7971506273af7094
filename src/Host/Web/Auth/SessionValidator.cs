using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Access;

namespace SocialWatch.Host.Web.Auth;

/// <summary>
/// Re-checks a local account's session cookie against its account row. The cookie carries a security stamp derived
/// from the row (credentials part, roles part); when the row changes the stamp no longer matches: a disabled,
/// deleted or re-passworded account loses its sessions, a changed role list replaces the session's roles. The check
/// reads the database, so it holds on every host; a stamp that matched is trusted for
/// <see cref="SignInOptions.SessionRevalidation"/> before it is read again.
/// </summary>
public sealed class SessionValidator(IServiceScopeFactory scopes, IOptions<SignInOptions> options, TimeProvider time, ILogger<SessionValidator> logger)
{
    public const string StampClaim = "socialwatch:stamp";
    private const int MaxCached = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _checked = new(StringComparer.Ordinal);

    /// <summary>The stamp of an account as it is stored now: "credentials.roles", each a short hash.</summary>
    public static string StampOf(WebUser user) =>
        Hash($"{user.Id}|{user.UserName}|{user.Disabled}|{user.PasswordHash}") + "." + Hash(string.Join(',', user.Roles));

    /// <summary>The cookie handler's <c>OnValidatePrincipal</c>.</summary>
    public static Task OnValidatePrincipalAsync(CookieValidatePrincipalContext context) =>
        context.HttpContext.RequestServices.GetRequiredService<SessionValidator>().ValidateAsync(context);

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var identity = context.Principal?.Identity as ClaimsIdentity;
        if (identity?.AuthenticationType != CookieAuthenticationDefaults.AuthenticationScheme)
        {
            // Company (OIDC) sign-ins have no local account; their roles come from the identity provider.
            return;
        }

        var stamp = identity.FindFirst(StampClaim)?.Value;
        var userName = identity.Name;
        var now = time.GetUtcNow();
        if (stamp is not null && userName is not null && _checked.TryGetValue(Key(userName, stamp), out var at)
            && now - at < options.Value.SessionRevalidation)
        {
            return;
        }

        WebUser? user = null;
        if (userName is not null)
        {
            await using var scope = scopes.CreateAsyncScope();
            user = await scope.ServiceProvider.GetRequiredService<IUserStore>().FindAsync(userName, context.HttpContext.RequestAborted);
        }

        var current = user is null || user.Disabled ? null : StampOf(user);
        if (current is null || stamp is null || Credentials(current) != Credentials(stamp))
        {
            // A cookie from before stamps existed is also ended: its holder signs in again once.
            WebLog.SessionEnded(logger, userName ?? "(no name)");
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        if (current != stamp)
        {
            context.ReplacePrincipal(LocalAccounts.PrincipalFor(user!, CookieAuthenticationDefaults.AuthenticationScheme));
            context.ShouldRenew = true;
            WebLog.SessionRolesChanged(logger, user!.UserName, string.Join(',', user.Roles));
        }

        if (_checked.Count >= MaxCached)
        {
            _checked.Clear();
        }

        _checked[Key(user!.UserName, current)] = now;
    }

    private static string Key(string userName, string stamp) => userName.ToLowerInvariant() + "\n" + stamp;

    private static string Credentials(string stamp) => stamp.Split('.', 2)[0];

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 12));
}
