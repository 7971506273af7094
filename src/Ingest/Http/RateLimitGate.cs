using Microsoft.Extensions.Logging;

namespace SocialWatch.Ingest.Http;

/// <summary>
/// Remembers that a source's rate-limit window is used up, so the next request waits for the reset
/// instead of spending a request on a certain 429. Shared by every client instance of one source.
/// </summary>
internal sealed class RateLimitGate
{
    private readonly Lock _lock = new();
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    public DateTimeOffset BlockedUntil
    {
        get
        {
            lock (_lock)
            {
                return _blockedUntil;
            }
        }
    }

    public void BlockUntil(DateTimeOffset until)
    {
        lock (_lock)
        {
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
            }
        }
    }
}

/// <summary>Waits for an exhausted window before sending, and records windows that the response says are exhausted.</summary>
internal sealed class RateLimitGateHandler(
    RateLimitGate gate,
    RateLimitPolicy policy,
    string source,
    TimeSpan maxWait,
    TimeProvider time,
    ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var blockedUntil = gate.BlockedUntil;
        if (blockedUntil > now)
        {
            var wait = blockedUntil - now;
            if (wait > maxWait)
            {
                throw new RateLimitedException(source, blockedUntil, wait);
            }

            IngestLog.WaitingForRateLimit(logger, source, wait);
            await Task.Delay(wait, time, cancellationToken);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (policy.Remaining(response) is < 1 && policy.ResetAt(response, time.GetUtcNow()) is { } reset)
        {
            gate.BlockUntil(reset);
        }

        return response;
    }
}
