using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Access;

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
    ApiKeyUsage usage,
    SignInLockout lockout,
    IOptions<SignInOptions> signIn,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ScopeClaim = "socialwatch:scope";
    public const string HeaderName = "X-Api-Key";
    private const string RetryAfterItem = "socialwatch:apikey-retry-after";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ReadKey(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        // An address that keeps presenting unknown keys is refused before any hashing or lookup.
        var address = SignInProtection.Address(Context);
        var lockKey = "apikey:" + address;
        var state = await lockout.CheckAsync(lockKey, Context.RequestAborted);
        var checkedState = state;
        if (state.Locked)
        {
            Context.Items[RetryAfterItem] = state.RetryAfter;
            return AuthenticateResult.Fail("Too many unknown API keys from this address.");
        }

        var key = ApiKeyGenerator.LooksValid(presented)
            ? await keys.FindActiveByHashAsync(ApiKeyGenerator.Hash(presented), Context.RequestAborted)
            : null;
        if (key is null)
        {
            WebLog.ApiKeyRejected(Logger, ApiKeyGenerator.PrefixOf(presented));
            state = await lockout.FailedAsync(
                lockKey, signIn.Value.ApiKeyFailureThreshold, $"API keys from {address}", $"api key from {address}", Context.RequestAborted);
            if (state.Locked)
            {
                WebLog.ApiKeysLocked(Logger, address, state.RetryAfter);
                Context.Items[RetryAfterItem] = state.RetryAfter;
            }

            return AuthenticateResult.Fail("The API key is malformed, unknown or revoked.");
        }

        await lockout.SucceededAsync(lockKey, checkedState, Context.RequestAborted);
        usage.Record(key.Id, time.GetUtcNow());
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
        if (Context.Items[RetryAfterItem] is TimeSpan retryAfter)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            SignInProtection.SetRetryAfter(Response, retryAfter);
            return Task.CompletedTask;
        }

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
