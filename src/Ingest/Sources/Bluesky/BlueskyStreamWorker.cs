using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Storage;
using SocialWatch.Ingest.Jobs;

namespace SocialWatch.Ingest.Sources.Bluesky;

/// <summary>
/// Runs the Jetstream consumer on exactly one host of the cluster: every worker host runs this service, the one that
/// holds the lease consumes and renews it, the others ask for it every <see cref="BlueskyOptions.LeaseRetryInterval"/>.
/// A holder that dies stops renewing and another host takes over once the lease expires; a holder that shuts down
/// lets go at once. A consumer that fails (a store outage) restarts from the stored cursor after a back-off.
/// </summary>
internal sealed class BlueskyStreamWorker(
    IServiceScopeFactory scopes,
    IStreamLease lease,
    IOptions<BlueskyOptions> options,
    TimeProvider time,
    ILogger<BlueskyStreamWorker> logger) : BackgroundService
{
    public const string LeaseName = "bluesky-jetstream";

    /// <summary>This worker's identity in the lease: host, process and instance (two workers in one test process differ).</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>True while this worker holds the lease and consumes.</summary>
    public bool IsConsuming { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!TryHold(settings))
            {
                await Task.Delay(settings.LeaseRetryInterval, time, stoppingToken);
                continue;
            }

            IngestLog.StreamLeaseTaken(logger, JetstreamConsumer.QueryKey);
            var outcome = await ConsumeWhileHeldAsync(settings, stoppingToken);
            if (outcome == Outcome.Failed)
            {
                failures++;
            }
            else
            {
                failures = 0;
            }

            // Let go whatever happened, so a healthy host can take over while this one backs off.
            try
            {
                lease.Release(LeaseName, Owner);
            }
            catch (Exception ex)
            {
                IngestLog.StreamLeaseFailed(logger, JetstreamConsumer.QueryKey, ex);
            }

            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            var delay = outcome == Outcome.Failed ? JetstreamConsumer.Backoff(failures, settings) : settings.LeaseRetryInterval;
            await Task.Delay(delay, time, stoppingToken);
        }
    }

    private bool TryHold(BlueskyOptions settings)
    {
        try
        {
            return lease.TryHold(LeaseName, Owner, settings.LeaseDuration);
        }
        catch (Exception ex)
        {
            IngestLog.StreamLeaseFailed(logger, JetstreamConsumer.QueryKey, ex);
            return false;
        }
    }

    private async Task<Outcome> ConsumeWhileHeldAsync(BlueskyOptions settings, CancellationToken stoppingToken)
    {
        using var held = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var scope = scopes.CreateScope();
        var consumer = scope.ServiceProvider.GetRequiredService<JetstreamConsumer>();
        IsConsuming = true;
        var renewing = RenewAsync(settings, held);
        try
        {
            await consumer.RunAsync(held.Token);
            return Outcome.Stopped;
        }
        catch (OperationCanceledException) when (held.IsCancellationRequested)
        {
            return Outcome.Stopped;
        }
        catch (CursorConflictException)
        {
            // Another host committed: it holds the lease now (this one's expired unseen). Stand by.
            return Outcome.Lost;
        }
        catch (Exception ex)
        {
            var delay = JetstreamConsumer.Backoff(1, settings);
            IngestLog.StreamFailed(logger, JetstreamConsumer.QueryKey, delay, ex);
            return Outcome.Failed;
        }
        finally
        {
            IsConsuming = false;
            await held.CancelAsync();
            await renewing;
        }
    }

    /// <summary>
    /// Renews the lease well before it expires; stops consumption when another owner has it, or when renewals kept
    /// failing until the lease may have expired (another host may be consuming by then).
    /// </summary>
    private async Task RenewAsync(BlueskyOptions settings, CancellationTokenSource held)
    {
        var every = TimeSpan.FromTicks(Math.Min(settings.LeaseRetryInterval.Ticks, settings.LeaseDuration.Ticks / 3));
        var renewed = time.GetUtcNow();
        try
        {
            while (!held.IsCancellationRequested)
            {
                await Task.Delay(every, time, held.Token);
                bool holding;
                try
                {
                    holding = lease.TryHold(LeaseName, Owner, settings.LeaseDuration);
                }
                catch (Exception ex)
                {
                    IngestLog.StreamLeaseFailed(logger, JetstreamConsumer.QueryKey, ex);
                    if (time.GetUtcNow() - renewed < settings.LeaseDuration - every)
                    {
                        continue;
                    }

                    holding = false;
                }

                if (!holding)
                {
                    IngestLog.StreamLeaseLost(logger, JetstreamConsumer.QueryKey);
                    await held.CancelAsync();
                    return;
                }

                renewed = time.GetUtcNow();
            }
        }
        catch (OperationCanceledException)
        {
            // Consumption ended; nothing to renew.
        }
    }

    private enum Outcome
    {
        Stopped,
        Lost,
        Failed,
    }
}
