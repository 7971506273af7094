using Microsoft.Extensions.Options;
using SocialWatch.Ingest.Sources.Demo;

namespace SocialWatch.Ingest.Tests.Sources;

[TestClass]
public sealed class DemoSimulatorTests
{
    private const string Brand = "Acme Air";

    [TestMethod]
    public void FirstTenThousandPosts_OfTheStreamAndItsBursts_NeverShareAText()
    {
        var simulator = Simulator(new DemoOptions());

        var texts = Stream(simulator, 10_000).Select(p => p.Text).ToList();

        var repeated = texts.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key).Take(5).ToList();
        Assert.IsEmpty(repeated, string.Join("\n", repeated));
        Assert.HasCount(10_000, texts);
    }

    [TestMethod]
    public void Shares_OverFiveThousandOrdinaryPosts_AreWithinTheDocumentedRanges()
    {
        var simulator = Simulator(new DemoOptions());

        var posts = Enumerable.Range(0, 5_000).Select(n => simulator.Regular(Brand, n)).ToList();

        double Share(Func<DemoPost, bool> which) => posts.Count(which) / (double)posts.Count;
        Assert.IsInRange(0.26, 0.33, Share(p => p.Kind == DemoKind.Question), "questions");
        Assert.IsInRange(0.10, 0.16, Share(p => p.Kind == DemoKind.Neutral), "neutral mentions");
        Assert.IsInRange(0.15, 0.21, Share(p => p.Kind == DemoKind.Praise), "praise");
        Assert.IsInRange(0.36, 0.44, Share(p => p.Kind is DemoKind.Complaint or DemoKind.Severe), "complaints");
        Assert.IsInRange(0.045, 0.075, Share(p => p.Kind == DemoKind.Severe), "severe complaints");
        Assert.IsInRange(0.005, 0.04, Share(p => p.Spreading), "complaints that catch fire");
        Assert.IsInRange(0.02, 0.05, Share(p => p.Language != "en"), "posts not in English");
    }

    [TestMethod]
    public void Authors_HaveHeavyTailedFollowings_AndSomeOfThemPostAgainAndAgain()
    {
        var simulator = Simulator(new DemoOptions());

        var posts = Enumerable.Range(0, 5_000).Select(n => simulator.Regular(Brand, n)).ToList();

        var followers = posts.Select(p => p.Author.Followers).Order().ToList();
        Assert.IsInRange(100, 600, followers[followers.Count / 2], "the median account is small");
        Assert.IsGreaterThan(100_000, followers[^1], "a few accounts are very large");
        Assert.IsGreaterThan(20 * followers[followers.Count / 2], followers[(int)(followers.Count * 0.98)], "the tail is heavy");
        var byAuthor = posts.GroupBy(p => p.Author.Id).ToList();
        Assert.IsInRange(0.2, 0.4, byAuthor.Where(g => g.Count() > 1).Sum(g => g.Count()) / (double)posts.Count, "posts by repeat authors");
        Assert.IsGreaterThanOrEqualTo(20, byAuthor.Max(g => g.Count()), "a regular posts often");
        Assert.IsTrue(byAuthor.All(g => g.Select(p => (p.Author.Handle, p.Author.Followers)).Distinct().Count() == 1), "an author keeps handle and following");
        Assert.IsTrue(posts.Where(p => p.Spreading).All(p => p.Author.Followers < DemoSimulator.SmallAccount), "fires start from small accounts");
    }

    [TestMethod]
    public void Stream_IsTheSameForTheSameSeed_AndDifferentForAnother()
    {
        var first = Stream(Simulator(new DemoOptions()), 500).ToList();
        var again = Stream(Simulator(new DemoOptions()), 500).ToList();
        var other = Stream(Simulator(new DemoOptions { Seed = 7 }), 500).ToList();

        Assert.AreEqual(string.Join("\n", first.Select(Describe)), string.Join("\n", again.Select(Describe)));
        Assert.IsLessThan(10, first.Zip(other).Count(p => p.First.Text == p.Second.Text));
    }

    [TestMethod]
    public void Find_RebuildsThePostAnIdNames_AndNothingForOtherIds()
    {
        var simulator = Simulator(new DemoOptions());
        var burstPoll = simulator.BurstStart(0) + 1;
        var slice = simulator.BurstIn(burstPoll)!.Value;

        var regular = simulator.Find(Brand, "demo-42");
        var burst = simulator.Find(Brand, $"demo-burst-{slice.Burst}-{slice.First}");

        Assert.AreEqual(Describe(simulator.Regular(Brand, 42)), Describe(regular!));
        Assert.AreEqual(Describe(simulator.Burst(Brand, slice.Burst, slice.First)), Describe(burst!));
        Assert.IsNull(simulator.Find(Brand, "sample-01"));
        Assert.IsNull(simulator.Find(Brand, "demo-burst-x"));
        Assert.IsNull(simulator.Find(Brand, "demo--1"));
    }

    [TestMethod]
    public void SpreadingComplaint_GrowsLogistically_WhileAQuietPostSettles()
    {
        var simulator = Simulator(new DemoOptions());
        var spreading = simulator.Regular(Brand, DemoSimulator.FirstSpreadingPost).Engagement;
        var quiet = Enumerable.Range(0, 200).Select(n => simulator.Regular(Brand, n)).First(p => p.Kind == DemoKind.Complaint && !p.Spreading).Engagement;

        var ages = Enumerable.Range(0, 48).Select(i => TimeSpan.FromMinutes(i * 5)).ToList();
        var totals = ages.Select(spreading.Total).ToList();

        Assert.IsTrue(totals.Zip(totals.Skip(1)).All(p => p.Second >= p.First), "engagement never falls");
        Assert.IsLessThan(10, totals[0], "it starts quiet");
        Assert.IsGreaterThan(0.9 * spreading.Size, totals[^1], "and levels off near its size");
        var growth = spreading.Total(TimeSpan.FromMinutes(6)) / spreading.Total(TimeSpan.FromMinutes(2));
        Assert.IsInRange(Math.Exp(4 / spreading.Tau.TotalMinutes) * 0.8, Math.Exp(4 / spreading.Tau.TotalMinutes) * 1.01, growth, "early growth is exponential");
        Assert.IsLessThan(quiet.Total(TimeSpan.Zero) + 30, quiet.Total(TimeSpan.FromDays(2)));
    }

    [TestMethod]
    public void Bursts_AreSpacedAsConfigured_AndNeverOverlap()
    {
        var options = new DemoOptions();
        var simulator = Simulator(options);
        var every = options.BurstEvery / options.PollInterval;

        var starts = Enumerable.Range(0, 50).Select(simulator.BurstStart).ToList();

        Assert.AreEqual(Math.Round(options.FirstBurstAfter / options.PollInterval), starts[0]);
        Assert.IsTrue(starts.Zip(starts.Skip(1)).All(p => p.Second - p.First >= simulator.BurstPolls && p.Second - p.First >= every / 2));
        Assert.IsInRange(every * 0.9, every * 1.1, (starts[^1] - starts[0]) / (double)(starts.Count - 1));
        var covered = Enumerable.Range(0, (int)starts[^1]).Count(p => simulator.BurstIn(p) is not null);
        Assert.AreEqual(49 * simulator.BurstPolls, covered);
    }

    /// <summary>The posts the source returns poll after poll: the ordinary ones and, during a burst, the burst's.</summary>
    private static IEnumerable<DemoPost> Stream(DemoSimulator simulator, int count)
    {
        var perPoll = new DemoOptions().MentionsPerPoll;
        var emitted = 0;
        for (var poll = 0L; emitted < count; poll++)
        {
            for (var i = 0; i < perPoll && emitted < count; i++, emitted++)
            {
                yield return simulator.Regular(Brand, (poll * perPoll) + i);
            }

            if (simulator.BurstIn(poll) is { } slice)
            {
                for (var j = slice.First; j < slice.First + slice.Count && emitted < count; j++, emitted++)
                {
                    yield return simulator.Burst(Brand, slice.Burst, j);
                }
            }
        }
    }

    private static string Describe(DemoPost p) =>
        $"{p.ExternalId}|{p.Kind}|{p.Spreading}|{p.Language}|{p.Author}|{p.Text}|{p.Engagement.Total(TimeSpan.FromMinutes(30))}";

    private static DemoSimulator Simulator(DemoOptions options)
    {
        options.Enabled = true;
        return new DemoSimulator(Options.Create(options));
    }
}
