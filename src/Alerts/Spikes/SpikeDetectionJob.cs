using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Sla;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Spikes;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Spikes;

/// <summary>
/// Recurring job (every 5 minutes): per brand of the directory, the rolling window against its seasonal baseline. The
/// brand list comes from the directory because finding "brands with recent mentions" would scan the whole mentions table.
/// </summary>
public sealed class SpikeDetectionJob(
    IBrandDirectory brands,
    ISpikeDataSource data,
    ISpikeStateStore states,
    SpikeDetector detector,
    SpikeTracker tracker,
    IAlertStore alerts,
    DeadlinePlanner planner,
    IAlertNotifier notifier,
    IOptions<SpikeOptions> options,
    TimeProvider time,
    ILogger<SpikeDetectionJob> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (current, baselineWindows) = detector.Windows(now);
        foreach (var brand in (await brands.GetAsync(cancellationToken)).Brands)
        {
            await RunBrandAsync(brand.Name, current, baselineWindows, now, cancellationToken);
        }
    }

    internal async Task<SpikeAction> RunBrandAsync(
        string brand,
        WindowCount current,
        IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> baselineWindows,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var counts = await data.CountAsync(brand, [(current.From, current.To), .. baselineWindows], cancellationToken);
        var signal = detector.Evaluate(counts[0], [.. counts.Skip(1)]);
        var state = await states.GetAsync(brand, cancellationToken) ?? new SpikeState(brand);
        var (action, next) = tracker.Next(state, signal, now);
        if (action == SpikeAction.Raise)
        {
            var o = options.Value;
            var priority = signal is { Volume: true, Negativity: true } && o.Priority < AlertPriority.Urgent ? o.Priority + 1 : o.Priority;
            var due = await planner.PlanAsync(o.Team, null, priority, now, cancellationToken);
            var alert = await alerts.CreateAsync(
                new NewAlert
                {
                    Kind = AlertKind.Spike,
                    Brand = brand,
                    Team = o.Team,
                    Priority = priority,
                    Title = TitleFor(brand, signal, o.Window),
                    Reasons = ReasonsFor(signal),
                    CreatedAt = now,
                    FirstResponseDueAt = due.FirstResponseDueAt,
                    ResolveDueAt = due.ResolveDueAt,
                    Actor = "spike-detector",
                },
                cancellationToken);
            next = next with { AlertId = alert.Id };
            WorkflowLog.SpikeRaised(logger, brand, signal.Count, signal.Expected, signal.NegativeShare, alert.Id);
            notifier.Publish(new AlertEvent(AlertEventKind.SpikeDetected, alert, now, "spike-detector", alert.Title));
        }

        if (next != state)
        {
            await states.SaveAsync(next, cancellationToken);
        }

        return action;
    }

    internal static string TitleFor(string brand, SpikeSignal s, TimeSpan window) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Spike for {brand}: {s.Count} mentions in the last {window.TotalMinutes:0} min (usually {s.Expected:0.#}), {s.NegativeShare:P0} negative (usually {s.BaselineNegativeShare:P0})");

    // The figures are in the title; the reasons say which signal fired, at full strength since it did.
    private static List<Reason> ReasonsFor(SpikeSignal s)
    {
        var reasons = new List<Reason>();
        if (s.Volume)
        {
            reasons.Add(new Reason(ReasonCodes.SpikeVolume, "mention volume far above this time of week", 1f));
        }

        if (s.Negativity)
        {
            reasons.Add(new Reason(ReasonCodes.SpikeNegativeShare, "negative share far above this time of week", 1f));
        }

        return reasons;
    }
}
