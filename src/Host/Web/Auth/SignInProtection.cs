using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SocialWatch.Host.Web.Auth;

/// <summary>
/// Registers what stands between a guesser and the accounts: ASP.NET Core's rate limiter per client address on the
/// sign-in form, a limit per user name, lockouts, session re-validation and the off-request API-key bookkeeping.
/// </summary>
public static class SignInProtection
{
    /// <summary>The rate-limiter policy on the sign-in page: posts per client address per window.</summary>
    public const string AddressPolicy = "sign-in-per-address";

    public static IServiceCollection AddSignInProtection(this IServiceCollection services)
    {
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SignInLockout>();
        services.AddSingleton<AccountRateLimiter>();
        services.AddSingleton<SessionValidator>();
        services.AddSingleton<ApiKeyUsage>();
        services.AddHostedService<ApiKeyUsageFlusher>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    SetRetryAfter(context.HttpContext.Response, retryAfter);
                }

                WebLog.SignInThrottled(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInProtection)),
                    "(any)", Address(context.HttpContext), "too many sign-in posts from this address");
                return ValueTask.CompletedTask;
            };

            // Only posts are guesses; the form itself may be loaded freely.
            o.AddPolicy(AddressPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(Address(context), _ =>
                {
                    var settings = context.RequestServices.GetRequiredService<IOptions<SignInOptions>>().Value;
                    return new FixedWindowRateLimiterOptions { PermitLimit = settings.PerAddressLimit, Window = settings.Window, QueueLimit = 0 };
                })
                : RateLimitPartition.GetNoLimiter(""));
        });
        return services;
    }

    public static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Whole seconds, rounded up, so that a client that waits as told is not refused again.</summary>
    public static void SetRetryAfter(HttpResponse response, TimeSpan retryAfter) =>
        response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

/// <summary>Sign-in posts per user name, whatever address they come from: a spread-out guesser still meets a limit.</summary>
public sealed class AccountRateLimiter(IOptions<SignInOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(name =>
        RateLimitPartition.GetFixedWindowLimiter(name, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PerAccountLimit,
            Window = options.Value.Window,
            QueueLimit = 0,
        }));

    public RateLimitLease Acquire(string userName) => _limiter.AttemptAcquire(userName.ToLowerInvariant());

    public void Dispose() => _limiter.Dispose();
}
