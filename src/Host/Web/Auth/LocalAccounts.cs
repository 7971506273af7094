using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using SocialWatch.Core.Access;

namespace SocialWatch.Host.Web.Auth;

/// <summary>Checks local passwords and builds the principal of a signed-in user.</summary>
public sealed class LocalAccounts(IUserStore users)
{
    private static readonly PasswordHasher<WebUser> Hasher = new();

    /// <summary>Hash kept for unknown names so that a wrong name costs as much time as a wrong password.</summary>
    private static readonly string DummyHash = Hasher.HashPassword(new WebUser { UserName = "" }, "not-a-real-password");

    public static string HashPassword(WebUser user, string password) => Hasher.HashPassword(user, password);

    /// <summary>The user when the name and password match an enabled local account, else null.</summary>
    public async Task<WebUser?> VerifyAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(userName.Trim(), cancellationToken);
        if (user?.PasswordHash is null || user.Disabled)
        {
            Hasher.VerifyHashedPassword(new WebUser { UserName = "" }, DummyHash, password);
            return null;
        }

        return Hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user;
    }

    public static ClaimsPrincipal PrincipalFor(WebUser user, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.UserName),
            new(ClaimTypes.NameIdentifier, user.UserName),
            new(SessionValidator.StampClaim, SessionValidator.StampOf(user)),
        };
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            claims.Add(new Claim(ClaimTypes.GivenName, user.DisplayName));
        }

        claims.AddRange(user.Roles.Where(SocialWatchRoles.IsKnown).Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }
}
