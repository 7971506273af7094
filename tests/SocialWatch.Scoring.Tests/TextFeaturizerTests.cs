using SocialWatch.Scoring.Features;

namespace SocialWatch.Scoring.Tests;

[TestClass]
public sealed class TextFeaturizerTests
{
    private const int Bits = 16;

    private static FeatureScratch Featurize(string text)
    {
        var scratch = new FeatureScratch();
        TextFeaturizer.Featurize(text, Bits, scratch);
        return scratch;
    }

    private static int[] Slots(string text)
    {
        var s = Featurize(text);
        return [.. s.Indices.AsSpan(0, s.Count).ToArray().Order()];
    }

    [TestMethod]
    public void Featurize_GivesTheSameSlots_ForDifferentHandlesUrlsAndNumbers()
    {
        var a = Slots("@acme 3 hours on hold https://a.example/x");

        var b = Slots("@globex 45 hours on hold http://b.example/other");

        CollectionAssert.AreEqual(a, b);
    }

    [TestMethod]
    public void Featurize_SquashesElongations_AndCountsThem()
    {
        var elongated = Featurize("sooooo bad");

        var plain = Slots("soo bad");

        CollectionAssert.AreEqual(plain, elongated.Indices.AsSpan(0, elongated.Count).ToArray().Order().ToArray());
        Assert.AreEqual(1, elongated.Cues.Elongations);
    }

    [TestMethod]
    public void Featurize_FindsComplaintCues_InABrandMentionThatReadsNeutral()
    {
        var cues = Featurize("@acme 3 hours on hold, again").Cues;

        Assert.IsTrue(cues.LeadingMention);
        Assert.AreEqual(1, cues.Durations);
        Assert.IsGreaterThanOrEqualTo(1, cues.Service, "on hold is a service cue");
        Assert.AreEqual(1, cues.Repetition);
    }

    [TestMethod]
    public void Featurize_FindsMultiWordSeverityPhrases()
    {
        var cues = Featurize("See you in court. My kid got food poisoning and your staff were rude; I'm switching to another shop").Cues;

        Assert.IsGreaterThanOrEqualTo(1, cues.Legal);
        Assert.IsGreaterThanOrEqualTo(1, cues.Safety);
        Assert.IsGreaterThanOrEqualTo(1, cues.Blame);
        Assert.IsGreaterThanOrEqualTo(1, cues.Churn);
        Assert.AreEqual(0, cues.Discrimination);
    }

    [TestMethod]
    public void Featurize_MeasuresIntensity_FromCapsProfanityAndExclamations()
    {
        var loud = Featurize("THIS IS A SHIT SERVICE!!!").Cues;
        var calm = Featurize("this is a poor service.").Cues;

        Assert.AreEqual(4, loud.CapsWords, "single letters do not count as shouting");
        Assert.AreEqual(3, loud.Exclamations);
        Assert.AreEqual(1, loud.Profanity);
        Assert.IsGreaterThan(0.8f, loud.Intensity);
        Assert.AreEqual(0f, calm.Intensity);
    }

    [TestMethod]
    public void Featurize_ScalesHashedFeatures_ByOneOverSquareRootOfCount()
    {
        var s = Featurize("refund please");

        Assert.IsGreaterThan(0, s.Count);
        Assert.AreEqual(1f / MathF.Sqrt(s.Count), s.Scale, 1e-6f);
        Assert.IsTrue(s.Indices.AsSpan(0, s.Count).ToArray().All(i => i >= 0 && i < 1 << Bits));
    }

    [TestMethod]
    public void Featurize_ReadsOnlyTheOpening_OfAVeryLongText()
    {
        var longText = string.Concat(Enumerable.Repeat("waiting forever for a refund ", 40_000));

        var s = Featurize(longText);
        var capped = Featurize(longText[..TextFeaturizer.MaxChars]);

        Assert.AreEqual(capped.Count, s.Count);
    }

    [TestMethod]
    public void Featurize_EmptyText_HasNoFeatures()
    {
        var s = Featurize("   ");

        Assert.AreEqual(0, s.Count);
        Assert.AreEqual(0f, s.Scale);
        Assert.IsTrue(s.Dense.All(d => d == 0f));
    }

    [TestMethod]
    public void Featurize_ReusedScratch_GivesTheSameResultAsAFreshOne()
    {
        var scratch = new FeatureScratch();
        TextFeaturizer.Featurize("LAWYER!!! see you in court @acme", Bits, scratch);

        TextFeaturizer.Featurize("thanks, lovely service", Bits, scratch);
        var fresh = Featurize("thanks, lovely service");

        CollectionAssert.AreEqual(fresh.Indices.AsSpan(0, fresh.Count).ToArray(), scratch.Indices.AsSpan(0, scratch.Count).ToArray());
        CollectionAssert.AreEqual(fresh.Dense, scratch.Dense);
    }
}
