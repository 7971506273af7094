using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace SocialWatch.Ingest.Http;

/// <summary>The typed HttpClient every source uses: base URL from its options, one resilience handler, its rate-limit gate.</summary>
internal static class SourceHttpClientRegistration
{
    /// <summary>Margin added to a reset time: the source's clock and ours are a little apart, and resets are whole seconds.</summary>
    private static readonly TimeSpan ResetMargin = TimeSpan.FromMilliseconds(250);

    /// <param name="isFinal">Recognises a 429 that no wait will fix (a usage cap), so it is not retried.</param>
    public static IHttpClientBuilder AddSourceHttpClient<TClient, TOptions>(
        this IServiceCollection services,
        string source,
        RateLimitPolicy policy,
        Func<HttpResponseMessage, ValueTask<bool>>? isFinal = null)
        where TClient : class
        where TOptions : SourceOptions
    {
        var gate = new RateLimitGate();
        var builder = services.AddHttpClient<TClient>((sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
            if (options.BaseUrl is { } baseUrl)
            {
                http.BaseAddress = WithTrailingSlash(baseUrl);
            }

            // The resilience pipeline owns timeouts: a rate-limit wait must not be cut by HttpClient's 100 s default.
            http.Timeout = Timeout.InfiniteTimeSpan;
            http.MaxResponseContentBufferSize = options.MaxResponseBytes;
        });

        builder.AddResilienceHandler($"{source}-source", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<TOptions>>().Value;
            var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("SocialWatch.Ingest.Http");
            pipeline.TimeProvider = time;
            if (options.MaxRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    Delay = options.RetryBaseDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = false,
                    ShouldHandle = async args =>
                    {
                        if (args.Outcome.Result is { } response && RateLimitPolicy.IsTooManyRequests(response))
                        {
                            if (isFinal is not null && await isFinal(response))
                            {
                                return false;
                            }

                            // A wait beyond the bound is not retried here: the client turns the 429 into RateLimitedException.
                            var wait = policy.WaitAfter(response, time.GetUtcNow());
                            return wait is null || wait <= options.MaxRateLimitWait;
                        }

                        return HttpClientResiliencePredicates.IsTransient(args.Outcome);
                    },
                    DelayGenerator = args =>
                    {
                        if (args.Outcome.Result is { } response && RateLimitPolicy.IsTooManyRequests(response)
                            && policy.WaitAfter(response, time.GetUtcNow()) is { } wait)
                        {
                            return ValueTask.FromResult<TimeSpan?>(wait + ResetMargin);
                        }

                        return ValueTask.FromResult<TimeSpan?>(null);
                    },
                    OnRetry = args =>
                    {
                        var reason = args.Outcome.Result is { } response
                            ? $"HTTP {(int)response.StatusCode}"
                            : args.Outcome.Exception?.GetType().Name ?? "unknown";
                        IngestLog.RetryingRequest(logger, source, args.AttemptNumber + 1, args.RetryDelay, reason);
                        return ValueTask.CompletedTask;
                    },
                });
            }

            pipeline.AddTimeout(options.RequestTimeout);
        });

        builder.AddHttpMessageHandler(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("SocialWatch.Ingest.Http");
            return new RateLimitGateHandler(gate, policy, source, options.MaxRateLimitWait, sp.GetRequiredService<TimeProvider>(), logger);
        });

        return builder;
    }

    /// <summary>Turns a 429 the retry gave up on into a clear error carrying the reset time.</summary>
    public static void ThrowIfRateLimited(HttpResponseMessage response, RateLimitPolicy policy, string source, TimeProvider time)
    {
        if (!RateLimitPolicy.IsTooManyRequests(response))
        {
            return;
        }

        var now = time.GetUtcNow();
        var wait = policy.WaitAfter(response, now) ?? TimeSpan.Zero;
        throw new RateLimitedException(source, now + wait, wait);
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
