using SocialWatch.Scoring.Models;

namespace SocialWatch.Scoring.Tests;

[TestClass]
public sealed class ReasonPhrasesTests
{
    private readonly ReasonPhrases _phrases = new();

    [TestMethod]
    [DataRow(0L, "author reach 0")]
    [DataRow(999L, "author reach 999")]
    [DataRow(1_000L, "author reach 1k")]
    [DataRow(1_250L, "author reach 1.3k")]
    [DataRow(9_949L, "author reach 9.9k")]
    [DataRow(9_999L, "author reach 10k")]
    [DataRow(48_200L, "author reach 48k")]
    [DataRow(999_499L, "author reach 999k")]
    [DataRow(999_999L, "author reach 1000k")]
    [DataRow(1_000_000L, "author reach 1M")]
    [DataRow(2_450_000L, "author reach 2.5M")]
    [DataRow(12_000_000L, "author reach 12M")]
    [DataRow(999_000_000L, "author reach 999M")]
    [DataRow(2_000_000_000L, "author reach 2000M")]
    public void Reach_PrintsTheFollowerCountCompactly_AtEveryTableBoundary(long followers, string expected)
    {
        var text = _phrases.Reach(followers);

        Assert.AreEqual(expected, text);
    }

    [TestMethod]
    public void CountPhrases_NameWhatTheyCount_WithTheSameFigure()
    {
        var phrases = (_phrases.Engagement(5_000), _phrases.RepostRate(1_240.4), _phrases.Interactions(1_200, TimeSpan.FromMinutes(30)));

        Assert.AreEqual(("engagement 5k", "reposts 1.2k/h", "1.2k interactions in 30 min"), phrases);
    }

    [TestMethod]
    [DataRow(0.4, "reposts doubling every 1 min")]
    [DataRow(30.0, "reposts doubling every 30 min")]
    [DataRow(89.4, "reposts doubling every 89 min")]
    [DataRow(90.0, "reposts doubling every 1.5 h")]
    [DataRow(2_880.0, "reposts doubling every 48 h")]
    [DataRow(6_000.0, "reposts doubling every 100 h")]
    public void Doubling_PrintsMinutesUnderAnHourAndAHalf_ThenHours(double minutes, string expected)
    {
        var text = _phrases.Doubling(TimeSpan.FromMinutes(minutes));

        Assert.AreEqual(expected, text);
    }

    [TestMethod]
    public void Phrases_AreBuiltOncePerModel_AndNotSharedWithAnother()
    {
        var other = new ReasonPhrases();

        var (first, again, elsewhere) = (_phrases.Reach(48_200), _phrases.Reach(48_400), other.Reach(48_200));

        Assert.AreSame(first, again);
        Assert.AreEqual(first, elsewhere);
        Assert.AreNotSame(first, elsewhere);
    }

    [TestMethod]
    public void Interactions_RepeatedForTheSameFigures_IsTheSameString()
    {
        var first = _phrases.Interactions(1_230, TimeSpan.FromMinutes(12));

        var second = _phrases.Interactions(1_180, TimeSpan.FromSeconds(12 * 60 + 20));

        Assert.AreSame(first, second);
        Assert.AreEqual("1.2k interactions in 12 min", second);
    }
}
