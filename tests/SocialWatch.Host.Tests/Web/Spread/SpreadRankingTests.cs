using SocialWatch.Alerts.Spread;
using SocialWatch.Core.Insights;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Host.Web.Spread;

namespace SocialWatch.Host.Tests.Web.Spread;

[TestClass]
public sealed class SpreadRankingTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 14, 8, 0, 0, TimeSpan.Zero);

    private static SpreadCandidate Candidate(long id, long? alertId = null) =>
        new(new QueueMention(id, "x", "text " + id, "a" + id, "h" + id, null, 100, false, null, 0, 0.5f, EscalationLevel.Medium, 0.8f, Created), "Acme Air", alertId);

    /// <summary>Readings every ten minutes after posting, each adding the given interactions.</summary>
    private static IReadOnlyList<EngagementSnapshot> Series(long id, params long[] gains)
    {
        var total = 0L;
        return [.. gains.Select((gain, i) => new EngagementSnapshot(id, Created.AddMinutes(10 * (i + 1)), new EngagementMetrics(total += gain, 0, 0, 0)))];
    }

    [TestMethod]
    public void Rank_LeavesOutMentionsThatDidNotGrowAtTheirLatestRefresh_OrHaveFewerThanTwoReadings()
    {
        var series = new Dictionary<long, IReadOnlyList<EngagementSnapshot>>
        {
            [1] = Series(1, 50, 60, 0),
            [2] = Series(2, 40),
            [3] = Series(3, 10, 20),
        };

        var rows = SpreadRanking.Rank([Candidate(1), Candidate(2), Candidate(3), Candidate(4)], series, 10);

        Assert.AreEqual(3, rows.Single().Candidate.Mention.Id);
    }

    [TestMethod]
    public void Rank_PutsTheMostInteractionsStillToComeFirst_NotTheLargestCountSoFar()
    {
        var series = new Dictionary<long, IReadOnlyList<EngagementSnapshot>>
        {
            // Large but fading: most of its reach is behind it.
            [1] = Series(1, 5_000, 400, 50, 10, 2),

            // Small but speeding up: a complaint catching fire.
            [2] = Series(2, 5, 20, 80, 320, 1_300),
        };

        var rows = SpreadRanking.Rank([Candidate(1), Candidate(2)], series, 10);

        CollectionAssert.AreEqual(new long[] { 2, 1 }, rows.Select(r => r.Candidate.Mention.Id).ToArray());
        Assert.IsGreaterThan(rows[1].StillToCome, rows[0].StillToCome);
        Assert.AreEqual(ReachProjector.MethodName, rows[0].Projection?.Method);
    }

    [TestMethod]
    public void Rank_WithoutProjectionsToTellApart_PutsTheFastestGrowingFirst()
    {
        // Read more than 24 h after posting: the projection is the observed count, nothing is still to come.
        var late = Created.AddHours(30);
        var series = new Dictionary<long, IReadOnlyList<EngagementSnapshot>>
        {
            [1] = [new(1, late, new(100, 0, 0, 0)), new(1, late.AddHours(1), new(110, 0, 0, 0))],
            [2] = [new(2, late, new(100, 0, 0, 0)), new(2, late.AddHours(1), new(190, 0, 0, 0))],
        };

        var rows = SpreadRanking.Rank([Candidate(1), Candidate(2)], series, 10);

        CollectionAssert.AreEqual(new long[] { 2, 1 }, rows.Select(r => r.Candidate.Mention.Id).ToArray());
        Assert.AreEqual(0, rows[0].StillToCome);
        Assert.AreEqual(90, rows[0].Velocity.EngagementPerHour, 1e-9);
    }

    [TestMethod]
    public void Rank_KeepsTheFirstCandidateOfAMention_AndStopsAtTheLimit()
    {
        var series = Enumerable.Range(1, 5).ToDictionary(i => (long)i, i => Series(i, 10 * i, 10 * i));

        var rows = SpreadRanking.Rank([Candidate(3, alertId: 77), Candidate(3), .. Enumerable.Range(1, 5).Select(i => Candidate(i))], series, 3);

        Assert.HasCount(3, rows);
        Assert.AreEqual(1, rows.Count(r => r.Candidate.Mention.Id == 3));
        Assert.AreEqual(77, rows.Single(r => r.Candidate.Mention.Id == 3).Candidate.AlertId);
        Assert.IsTrue(rows.All(r => r.Sparkline is not null));
    }
}
