using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Notifications;

namespace SocialWatch.Alerts.Notifications;

/// <summary>
/// Tells this host's browsers about alert changes committed anywhere: routing in a worker process, an agent on
/// another web host, a sweep job. Every creation and change writes an alert_audit row in its own transaction, so
/// the tail reads that table by position (the row id) about once a second and relays what is new to the live
/// stream through the <see cref="LiveAlertRelay"/>, which drops what this host already announced itself. It starts
/// at the newest change when the host starts: a browser only needs changes made after it connected, and pages it
/// loads later are rendered from the database.
/// </summary>
/// <remarks>
/// <para>
/// Positions are taken when a row is inserted but become visible when its transaction commits, and on PostgreSQL
/// and SQL Server two transactions commit in either order: position 11 can be read while 10 is still uncommitted.
/// Reading only "after the highest position seen" would then skip 10 for ever. So every position the tail steps over
/// is remembered as a gap, and the gaps are re-read by position on each round until they show up or
/// <see cref="NotificationOptions.LiveTailGapTimeout"/> passes (a rolled-back insert never shows up). This is exact
/// (unlike re-reading a fixed window behind the high-water mark, which misses a commit slower than the window and
/// re-reads rows for nothing) and cheap: a gap lives for milliseconds, the time between the audit insert, which is
/// the last statement of each alert transaction, and its commit. SQLite commits one writer at a time and never
/// reuses an AUTOINCREMENT id, so no gap arises there.
/// </para>
/// <para>
/// Polling is the whole mechanism, not a fallback: it needs nothing from the database but the table, and it
/// carries on from the last position after the database was away (the browsers' own 60-second refresh covers
/// what a host that was down itself missed).
/// </para>
/// </remarks>
public sealed class AlertChangeTail(
    IAlertChangeLog changes,
    LiveAlertRelay relay,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<AlertChangeTail> logger) : BackgroundService
{
    // Positions skipped by a burst of rolled-back inserts, or an identity jump after a SQL Server restart, are not
    // worth remembering one by one beyond this; the newest are kept.
    internal const int MaxGaps = 1_000;

    private readonly SortedDictionary<long, DateTimeOffset> _gaps = [];
    private long? _position;

    /// <summary>The highest position read so far; null until the tail has started.</summary>
    internal long? Position => _position;

    internal int GapCount => _gaps.Count;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = o.LiveTailInterval;
            try
            {
                await PollAsync(stoppingToken);
                if (failures > 0)
                {
                    WorkflowLog.TailResumed(logger, _position ?? 0, failures);
                    failures = 0;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is away or refusing us: the live feed waits, the host does not stop.
                failures++;
                delay = RetryDelay(o.LiveTailInterval, o.LiveTailMaxRetryDelay, failures);
                WorkflowLog.TailFailed(logger, ex, failures, delay);
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Doubles from the poll interval up to the maximum.</summary>
    internal static TimeSpan RetryDelay(TimeSpan interval, TimeSpan max, int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures, 20));
        return TimeSpan.FromTicks((long)Math.Min(interval.Ticks * factor, max.Ticks));
    }

    /// <summary>One round: start if not started, re-read the gaps, then read everything after the position.</summary>
    internal async Task PollAsync(CancellationToken cancellationToken)
    {
        if (_position is null)
        {
            _position = await changes.GetLatestPositionAsync(cancellationToken);
            WorkflowLog.TailStarted(logger, _position.Value);
            return;
        }

        var now = time.GetUtcNow();
        await ReadGapsAsync(now, cancellationToken);

        var batch = options.Value.LiveTailBatch;
        while (true)
        {
            var read = await changes.ReadAfterAsync(_position.Value, batch, cancellationToken);
            foreach (var change in read)
            {
                RememberGaps(_position.Value, change.Position, now);
                _position = change.Position;
                await relay.DeliverAsync(change, cancellationToken);
            }

            if (read.Count < batch)
            {
                return;
            }
        }
    }

    private async Task ReadGapsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_gaps.Count == 0)
        {
            return;
        }

        foreach (var change in await changes.ReadPositionsAsync([.. _gaps.Keys], cancellationToken))
        {
            _gaps.Remove(change.Position);
            await relay.DeliverAsync(change, cancellationToken);
        }

        var timeout = options.Value.LiveTailGapTimeout;
        var expired = _gaps.Where(g => now - g.Value >= timeout).Select(g => g.Key).ToList();
        foreach (var position in expired)
        {
            _gaps.Remove(position);
        }

        if (expired.Count > 0)
        {
            WorkflowLog.TailGapsExpired(logger, expired.Count, timeout);
        }
    }

    private void RememberGaps(long from, long to, DateTimeOffset now)
    {
        // Only the newest MaxGaps of a long run are worth waiting for.
        for (var position = Math.Max(from + 1, to - MaxGaps); position < to; position++)
        {
            _gaps.TryAdd(position, now);
        }

        while (_gaps.Count > MaxGaps)
        {
            _gaps.Remove(_gaps.First().Key);
        }
    }
}
