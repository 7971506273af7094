using System.Globalization;
using System.Net;

namespace SocialWatch.Ingest.Http;

/// <summary>How a source reports its rate-limit window in response headers.</summary>
internal abstract class RateLimitPolicy
{
    /// <summary>Requests left in the current window, or null when the response does not say.</summary>
    public abstract double? Remaining(HttpResponseMessage response);

    /// <summary>When the current window resets, or null when the response does not say.</summary>
    public abstract DateTimeOffset? ResetAt(HttpResponseMessage response, DateTimeOffset now);

    /// <summary>How long to wait before the next request may succeed: the source's reset header, else a standard Retry-After.</summary>
    public TimeSpan? WaitAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var reset = ResetAt(response, now) ?? RetryAfter(response, now);
        if (reset is null)
        {
            return null;
        }

        var wait = reset.Value - now;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    public static bool IsTooManyRequests(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.TooManyRequests;

    protected static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    protected static double? NumberHeader(HttpResponseMessage response, string name) =>
        double.TryParse(Header(response, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static DateTimeOffset? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return now + delta;
        }

        return retryAfter?.Date;
    }
}

/// <summary>X: <c>x-rate-limit-remaining</c> and <c>x-rate-limit-reset</c> (Unix epoch seconds).</summary>
internal sealed class EpochResetRateLimitPolicy(string remainingHeader, string resetHeader) : RateLimitPolicy
{
    public override double? Remaining(HttpResponseMessage response) => NumberHeader(response, remainingHeader);

    public override DateTimeOffset? ResetAt(HttpResponseMessage response, DateTimeOffset now) =>
        NumberHeader(response, resetHeader) is { } epoch ? DateTimeOffset.FromUnixTimeMilliseconds((long)(epoch * 1000)) : null;
}

/// <summary>Reddit: <c>X-Ratelimit-Remaining</c> and <c>X-Ratelimit-Reset</c> (seconds until the window resets).</summary>
internal sealed class DeltaResetRateLimitPolicy(string remainingHeader, string resetHeader) : RateLimitPolicy
{
    public override double? Remaining(HttpResponseMessage response) => NumberHeader(response, remainingHeader);

    public override DateTimeOffset? ResetAt(HttpResponseMessage response, DateTimeOffset now) =>
        NumberHeader(response, resetHeader) is { } seconds ? now + TimeSpan.FromSeconds(seconds) : null;
}
