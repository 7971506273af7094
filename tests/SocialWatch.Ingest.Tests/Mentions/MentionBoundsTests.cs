using SocialWatch.Core.Mentions;

namespace SocialWatch.Ingest.Tests.Mentions;

[TestClass]
public sealed class MentionBoundsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public void Check_CountsAtTheLimit_Pass_AndEachOneOverOrNegative_IsNamed()
    {
        var atLimit = new EngagementMetrics(MentionBounds.MaxCount, MentionBounds.MaxCount, MentionBounds.MaxCount, MentionBounds.MaxCount);

        var ok = MentionBounds.Check(MentionBounds.MaxFollowers, atLimit, Now, Now);
        var bad = MentionBounds.Check(-1, new EngagementMetrics(long.MaxValue, -1, 0, MentionBounds.MaxCount + 1), null, Now);

        Assert.IsEmpty(ok);
        var text = string.Join(" ", bad);
        StringAssert.Contains(text, "\"author.followers\" must be between 0 and 10,000,000,000.");
        StringAssert.Contains(text, "\"metrics.likes\"");
        StringAssert.Contains(text, "\"metrics.reposts\"");
        StringAssert.Contains(text, "\"metrics.quotes\"");
        Assert.HasCount(4, bad);
    }

    [TestMethod]
    public void Check_DatesBeforeTheNetworksOrMoreThanADayAhead_AreRefused()
    {
        var refused = new[] { DateTimeOffset.MaxValue, new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.Zero), Now.AddDays(1).AddSeconds(1), DateTimeOffset.MinValue };
        var accepted = new[] { MentionBounds.Earliest, Now.AddHours(23), Now.AddYears(-20) };

        var refusedErrors = refused.Select(d => MentionBounds.Check(0, default, d, Now)).ToList();
        var acceptedErrors = accepted.Select(d => MentionBounds.Check(0, default, d, Now)).ToList();

        Assert.IsTrue(refusedErrors.All(e => e.Count == 1 && e[0].StartsWith("\"createdAt\" must be between 2000-01-01", StringComparison.Ordinal)));
        Assert.IsTrue(acceptedErrors.All(e => e.Count == 0));
    }

    [TestMethod]
    public void Clamp_MovesEveryCounterAndTheDateIntoBounds()
    {
        var mention = new Mention
        {
            Source = "x",
            ExternalId = "1",
            Brand = "Acme Air",
            Text = "t",
            Author = new MentionAuthor("a", "h", null, long.MaxValue, false),
            Metrics = new EngagementMetrics(long.MaxValue, -5, long.MinValue, 7),
            CreatedAt = DateTimeOffset.MaxValue,
        };

        var clamped = MentionBounds.Clamp(mention, Now);

        Assert.AreEqual(MentionBounds.MaxFollowers, clamped.Author.Followers);
        Assert.AreEqual(new EngagementMetrics(MentionBounds.MaxCount, 0, 0, 7), clamped.Metrics);
        Assert.AreEqual(Now, clamped.CreatedAt);
    }

    [TestMethod]
    public void Total_SaturatesInsteadOfWrapping()
    {
        var huge = new EngagementMetrics(long.MaxValue, long.MaxValue, long.MaxValue, long.MaxValue);
        var bounded = new EngagementMetrics(MentionBounds.MaxCount, MentionBounds.MaxCount, MentionBounds.MaxCount, MentionBounds.MaxCount);

        Assert.AreEqual(long.MaxValue, huge.Total);
        Assert.AreEqual(4 * MentionBounds.MaxCount, bounded.Total);
        Assert.AreEqual(0, new EngagementMetrics(-3, 1, 0, 0).Total);
    }
}
