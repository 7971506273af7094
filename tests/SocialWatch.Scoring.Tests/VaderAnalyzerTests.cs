using SocialWatch.Core.Scoring;
using SocialWatch.Scoring.Vader;

namespace SocialWatch.Scoring.Tests;

[TestClass]
public sealed class VaderAnalyzerTests
{
    // Valences as in the published lexicon.
    private static readonly VaderAnalyzer s_vader = new(VaderLexicon.From(new Dictionary<string, double>
    {
        ["good"] = 1.9,
        ["great"] = 3.1,
        ["bad"] = -2.5,
        ["terrible"] = -2.1,
    }));

    private static double Compound(string text) => s_vader.PolarityScores(text).Compound;

    [TestMethod]
    public void PolarityScores_NormalisesTheSum_WithAlpha15()
    {
        var compound = Compound("the food is good");

        Assert.AreEqual(Math.Round(1.9 / Math.Sqrt((1.9 * 1.9) + 15), 4), compound, 1e-9);
    }

    [TestMethod]
    public void PolarityScores_FlipsValence_WhenNegatedWithinThreeWords()
    {
        var negated = Compound("the food is not good");
        var farNegation = Compound("not that the food is really very good");

        Assert.AreEqual(Math.Round(VaderAnalyzer.Normalize(1.9 * -0.74), 4), negated, 1e-9);
        Assert.IsGreaterThan(0.0, farNegation, "a negation more than three words back does not flip");
    }

    [TestMethod]
    public void PolarityScores_Boosters_IncreaseIntensity()
    {
        var plain = Compound("the food is good");

        var boosted = Compound("the food is very good");

        Assert.AreEqual(Math.Round(VaderAnalyzer.Normalize(1.9 + 0.293), 4), boosted, 1e-9);
        Assert.IsGreaterThan(plain, boosted);
    }

    [TestMethod]
    public void PolarityScores_Dampeners_DecreaseIntensity()
    {
        var dampened = Compound("the food is slightly good");

        Assert.AreEqual(Math.Round(VaderAnalyzer.Normalize(1.9 - 0.293), 4), dampened, 1e-9);
    }

    [TestMethod]
    public void PolarityScores_ShiftsWeightAfterBut()
    {
        var compound = Compound("the food is good but the service is bad");

        Assert.AreEqual(Math.Round(VaderAnalyzer.Normalize((1.9 * 0.5) + (-2.5 * 1.5)), 4), compound, 1e-9);
        Assert.AreEqual(SentimentLabel.Negative, s_vader.PolarityScores("the food is good but the service is bad").Label);
    }

    [TestMethod]
    public void PolarityScores_AllCapsWord_AddsEmphasis_OnlyWhenTheTextMixesCase()
    {
        var emphasised = Compound("the food is GOOD");
        var allCaps = Compound("THE FOOD IS GOOD");

        Assert.AreEqual(Math.Round(VaderAnalyzer.Normalize(1.9 + 0.733), 4), emphasised, 1e-9);
        Assert.AreEqual(Compound("the food is good"), allCaps, 1e-9);
    }

    [TestMethod]
    public void PolarityScores_ExclamationsAmplify_UpToFour()
    {
        var two = Compound("the food is good!!");
        var six = Compound("the food is good!!!!!!");

        Assert.AreEqual(Math.Round(VaderAnalyzer.Normalize(1.9 + (2 * 0.292)), 4), two, 1e-9);
        Assert.AreEqual(Math.Round(VaderAnalyzer.Normalize(1.9 + (4 * 0.292)), 4), six, 1e-9);
    }

    [TestMethod]
    public void PolarityScores_QuestionMarksAmplify_FromTwoOn()
    {
        var one = Compound("is the food bad?");
        var three = Compound("is the food bad???");

        Assert.AreEqual(Math.Round(VaderAnalyzer.Normalize(-2.5), 4), one, 1e-9);
        Assert.AreEqual(Math.Round(VaderAnalyzer.Normalize(-2.5 - (3 * 0.18)), 4), three, 1e-9);
    }

    [TestMethod]
    public void PolarityScores_UsesThePublishedThresholds()
    {
        var neutral = s_vader.PolarityScores("the meeting is on tuesday");

        Assert.AreEqual(0.0, neutral.Compound);
        Assert.AreEqual(SentimentLabel.Neutral, neutral.Label);
        Assert.AreEqual(SentimentLabel.Positive, s_vader.PolarityScores("great").Label);
        Assert.AreEqual(SentimentLabel.Negative, s_vader.PolarityScores("terrible").Label);
    }
}
