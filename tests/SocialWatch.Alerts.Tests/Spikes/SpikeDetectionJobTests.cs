using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Spikes;
using SocialWatch.Alerts.Tests.Fakes;
using SocialWatch.Core.Alerts;

namespace SocialWatch.Alerts.Tests.Spikes;

[TestClass]
public sealed class SpikeDetectionJobTests
{
    // A Monday at midnight UTC; six weeks of history come before the two evaluated weeks.
    private static readonly DateTimeOffset HistoryStart = new(2026, 3, 9, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EvaluateFrom = HistoryStart.AddDays(42);
    private static readonly DateTimeOffset EvaluateTo = EvaluateFrom.AddDays(14);

    /// <summary>Busy weekday afternoons, quiet nights, quieter weekends.</summary>
    private static double Seasonal(DateTimeOffset hour, double peak)
    {
        var daily = 0.25 + 0.75 * Math.Max(0, Math.Sin(Math.PI * (hour.Hour - 6) / 16.0));
        var weekly = hour.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.5 : 1.0;
        return peak * daily * weekly;
    }

    private static (SpikeDetectionJob Job, WorkflowHarness H) JobFor(SyntheticMentionSeries series, SpikeOptions? options = null)
    {
        var h = new WorkflowHarness();
        var o = Options.Create(options ?? new SpikeOptions());
        var job = new SpikeDetectionJob(
            series, series, new InMemorySpikeStateStore(), new SpikeDetector(o), new SpikeTracker(o), h.Alerts, h.Planner, h.Notifier, o, h.Time, NullLogger<SpikeDetectionJob>.Instance);
        return (job, h);
    }

    /// <summary>Runs the job at every whole hour of the evaluated fortnight; returns the hours it raised an alert.</summary>
    private static async Task<List<DateTimeOffset>> RunHourlyAsync(SyntheticMentionSeries series, SpikeOptions? options = null)
    {
        var (job, h) = JobFor(series, options);
        h.Time.SetUtcNow(EvaluateFrom);
        var raisedAt = new List<DateTimeOffset>();
        for (var now = EvaluateFrom; now <= EvaluateTo; now = now.AddHours(1))
        {
            h.Time.SetUtcNow(now);
            var before = h.Alerts.All.Count;
            await job.RunAsync(CancellationToken.None);
            if (h.Alerts.All.Count > before)
            {
                raisedAt.Add(now);
            }
        }

        Assert.IsTrue(h.Alerts.All.All(a => a.Kind == AlertKind.Spike));
        Assert.HasCount(raisedAt.Count, h.Notifier.Events.Where(e => e.Kind == AlertEventKind.SpikeDetected));
        return raisedAt;
    }

    [TestMethod]
    public async Task Run_SeasonalSeriesWithKnownSpikes_RaisesOneAlertPerSpikeAtItsStart()
    {
        var series = new SyntheticMentionSeries("acme");
        series.Fill(HistoryStart, EvaluateTo, h => Seasonal(h, 60), 0.15, new Random(7));
        (DateTimeOffset Start, int Hours)[] spikes = [(EvaluateFrom.AddDays(2).AddHours(14), 3), (EvaluateFrom.AddDays(5).AddHours(3), 2), (EvaluateFrom.AddDays(11).AddHours(20), 4)];
        foreach (var (start, hours) in spikes)
        {
            for (var i = 0; i < hours; i++)
            {
                var (total, negative) = series.Get(start.AddHours(i));
                series.Set(start.AddHours(i), total * 4 + 40, negative * 4 + 10);
            }
        }

        var raisedAt = await RunHourlyAsync(series);

        // The window ending one hour after a spike hour begins holds that hour.
        Assert.AreEqual(
            string.Join(", ", spikes.Select(s => s.Start.AddHours(1).ToString("u"))),
            string.Join(", ", raisedAt.Select(r => r.ToString("u"))));
    }

    [TestMethod]
    public async Task Run_FlatSeries_RaisesNothing()
    {
        var series = new SyntheticMentionSeries("acme");
        series.Fill(HistoryStart, EvaluateTo, _ => 20, 0.2, new Random(11));

        var raisedAt = await RunHourlyAsync(series);

        Assert.IsEmpty(raisedAt);
    }

    [TestMethod]
    public async Task Run_NoisySeasonalSeries_RaisesNothing()
    {
        var series = new SyntheticMentionSeries("acme");
        var noise = new Random(23);

        // Overdispersed: each hour's rate itself wanders by ±50 %.
        series.Fill(HistoryStart, EvaluateTo, h => Seasonal(h, 120) * (0.5 + noise.NextDouble()), 0.25, new Random(29));

        var raisedAt = await RunHourlyAsync(series);

        Assert.IsEmpty(raisedAt);
    }

    [TestMethod]
    public async Task Run_LowVolumeSeriesWithSmallBursts_RaisesNothing()
    {
        var series = new SyntheticMentionSeries("acme");
        series.Fill(HistoryStart, EvaluateTo, _ => 0.3, 0.3, new Random(3));

        // 6 mentions, all negative, in an hour that usually has none: noise for a small brand.
        series.Set(EvaluateFrom.AddDays(3).AddHours(10), 6, 6);

        var raisedAt = await RunHourlyAsync(series);

        Assert.IsEmpty(raisedAt);
    }

    [TestMethod]
    public async Task Run_NegativeShareJumpAtNormalVolume_RaisesANegativitySpike()
    {
        var series = new SyntheticMentionSeries("acme");
        series.Fill(HistoryStart, EvaluateTo, _ => 40, 0.15, new Random(5));
        var start = EvaluateFrom.AddDays(4).AddHours(9);
        for (var i = 0; i < 3; i++)
        {
            series.Set(start.AddHours(i), 42, 30);
        }

        var (job, h) = JobFor(series);
        h.Time.SetUtcNow(start.AddHours(1));

        await job.RunAsync(CancellationToken.None);

        var alert = h.Alerts.All.Single();
        Assert.AreEqual("negative share far above this time of week", string.Join("; ", alert.Reasons.Select(r => r.Text)));
        Assert.AreEqual(("pr", AlertPriority.High), (alert.Team, alert.Priority));
    }

    [TestMethod]
    public async Task Run_SpikeThatFlaresUpAgainWithinTheCoolDown_RaisesNoSecondAlert()
    {
        var series = new SyntheticMentionSeries("acme");
        series.Fill(HistoryStart, EvaluateTo, _ => 20, 0.2, new Random(13));
        var first = EvaluateFrom.AddDays(1).AddHours(12);
        series.Set(first, 200, 40);
        series.Set(first.AddHours(3), 200, 40);
        series.Set(first.AddHours(12), 200, 40);

        var raisedAt = await RunHourlyAsync(series, new SpikeOptions { CoolDown = TimeSpan.FromHours(6) });

        // Flare at +3h is inside the cool-down; the one at +12h is a new spike.
        Assert.AreEqual($"{first.AddHours(1):u}, {first.AddHours(13):u}", string.Join(", ", raisedAt.Select(r => r.ToString("u"))));
    }
}
