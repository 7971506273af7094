using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Access;

namespace SocialWatch.Host.Web.Auth;

/// <summary>
/// The latest use of each API key since the last flush. A request only notes the time here; the database write happens
/// off the request path, batched, so a read with a key never waits on (or fails with) a write.
/// </summary>
public sealed class ApiKeyUsage
{
    private readonly ConcurrentDictionary<long, DateTimeOffset> _pending = new();

    public int Pending => _pending.Count;

    public void Record(long keyId, DateTimeOffset at) => _pending.AddOrUpdate(keyId, at, (_, earlier) => at > earlier ? at : earlier);

    /// <summary>Writes the noted times; what could not be written stays noted for the next flush.</summary>
    public async Task<int> FlushAsync(IApiKeyStore keys, CancellationToken cancellationToken)
    {
        var taken = new List<KeyValuePair<long, DateTimeOffset>>(_pending.Count);
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var at))
            {
                taken.Add(new(id, at));
            }
        }

        var written = 0;
        try
        {
            foreach (var (id, at) in taken)
            {
                await keys.TouchAsync(id, at, cancellationToken);
                written++;
            }
        }
        catch
        {
            foreach (var (id, at) in taken.Skip(written))
            {
                Record(id, at);
            }

            throw;
        }

        return written;
    }
}

/// <summary>Flushes <see cref="ApiKeyUsage"/> every <see cref="SignInOptions.ApiKeyUsageFlushInterval"/> and once at shutdown.</summary>
internal sealed class ApiKeyUsageFlusher(
    ApiKeyUsage usage, IServiceScopeFactory scopes, IOptions<SignInOptions> options, TimeProvider time, ILogger<ApiKeyUsageFlusher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ApiKeyUsageFlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await usage.FlushAsync(scope.ServiceProvider.GetRequiredService<IApiKeyStore>(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Bookkeeping shown to admins, not a job: the times stay noted and the next tick writes them, so a locked
            // or lost database delays "last used" rather than stopping the flusher (health reports the database itself).
            WebLog.ApiKeyUsageNotWritten(logger, e, usage.Pending);
        }
    }
}
