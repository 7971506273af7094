using System.Security.Claims;

namespace SocialWatch.Host.Web.Auth;

/// <summary>Turns a company identity provider's role or group claims into SocialWatch roles.</summary>
internal static class OidcRoles
{
    public static void Map(ClaimsPrincipal principal, OidcOptions options)
    {
        if (principal.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        var granted = identity.FindAll(options.RoleClaim)
            .Select(c => options.RoleMap.TryGetValue(c.Value, out var mapped) ? mapped : c.Value)
            .Where(SocialWatchRoles.IsKnown)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var role in granted.Where(r => !identity.HasClaim(ClaimTypes.Role, r)))
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }
    }
}
