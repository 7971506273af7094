using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Access;

namespace SocialWatch.Host.Web.Auth;

/// <summary>
/// Authenticates machine callers by an API key in <c>X-Api-Key</c> or <c>Authorization: ApiKey …</c>. The key is
/// hashed and looked up; scopes become <see cref="ScopeClaim"/> claims that the push and reader policies check.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyStore keys,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ScopeClaim = "socialwatch:scope";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ReadKey(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeyGenerator.LooksValid(presented))
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }

        var key = await keys.FindActiveByHashAsync(ApiKeyGenerator.Hash(presented), Context.RequestAborted);
        if (key is null)
        {
            WebLog.ApiKeyRejected(Logger, ApiKeyGenerator.PrefixOf(presented));
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        await keys.TouchAsync(key.Id, time.GetUtcNow(), Context.RequestAborted);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, $"apikey:{key.Name}"),
            new(ClaimTypes.NameIdentifier, $"apikey:{key.Id}"),
        };
        claims.AddRange(key.Scopes.Select(s => new Claim(ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "ApiKey";
        return Task.CompletedTask;
    }

    internal static string? ReadKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && header.Count > 0 && !string.IsNullOrWhiteSpace(header[0]))
        {
            return header[0]!.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        const string prefix = "ApiKey ";
        return authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? authorization[prefix.Length..].Trim() : null;
    }
}
