using System.Text;
using SocialWatch.Scoring.Data;
using SocialWatch.Scoring.Features;
using SocialWatch.Scoring.Tests.Support;

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
    public void CueLexicon_HoldsNoPhraseLongerThanTheFeaturizerLooksFor()
    {
        var tooLong = Enum.GetValues<CueGroup>()
            .SelectMany(CueLexicon.PhrasesOf)
            .Where(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > CueLexicon.MaxPhraseWords)
            .ToList();

        Assert.IsEmpty(tooLong, "never matched: " + string.Join(", ", tooLong));
    }

    [TestMethod]
    public void Featurize_CountsEveryCuePhrase_InItsOwnGroup()
    {
        var missed = new List<string>();
        foreach (var group in Enum.GetValues<CueGroup>())
        {
            foreach (var phrase in CueLexicon.PhrasesOf(group))
            {
                // A time unit counts only after a number, as a duration.
                var cues = group == CueGroup.TimeUnit ? Featurize("well 3 " + phrase + " then").Cues : Featurize("well " + phrase + " then").Cues;
                if ((group == CueGroup.TimeUnit ? cues.Durations : cues.Get(group)) < 1)
                {
                    missed.Add($"{group}: {phrase}");
                }
            }
        }

        Assert.IsEmpty(missed, string.Join("; ", missed));
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

    [TestMethod]
    public void Featurize_MarksWordsAfterANegation_UpToThePunctuation()
    {
        var scratch = new FeatureScratch();

        TextFeaturizer.Featurize("no complaints at all, great crew", Bits, scratch);

        var slots = scratch.Indices.AsSpan(0, scratch.Count).ToArray();
        CollectionAssert.Contains(slots, FeatureHash.Slot(FeatureHash.Token("complaints"), FeatureHash.NegatedSalt, Bits));
        CollectionAssert.Contains(slots, FeatureHash.Slot(FeatureHash.Token("all"), FeatureHash.NegatedSalt, Bits));
        CollectionAssert.DoesNotContain(slots, FeatureHash.Slot(FeatureHash.Token("great"), FeatureHash.NegatedSalt, Bits));
    }

    [TestMethod]
    public void Featurize_MarksTheClauseAfterBut_AsContrast()
    {
        var scratch = new FeatureScratch();

        TextFeaturizer.Featurize("lovely staff but the train was late", Bits, scratch);

        var slots = scratch.Indices.AsSpan(0, scratch.Count).ToArray();
        CollectionAssert.Contains(slots, FeatureHash.Slot(FeatureHash.Token("late"), FeatureHash.ContrastSalt, Bits));
        CollectionAssert.DoesNotContain(slots, FeatureHash.Slot(FeatureHash.Token("lovely"), FeatureHash.ContrastSalt, Bits));
    }

    [TestMethod]
    public void Featurize_GivesExactlyTheReferenceFeatures_OnRealAndAwkwardTexts()
    {
        var texts = new List<string>(AwkwardTexts());
        texts.AddRange(FuzzTexts(20_000));
        var tweets = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "data", "tweet-sentiment-extraction", "train.csv"));
        if (File.Exists(tweets))
        {
            texts.AddRange(SharedDatasets.LoadTweets(tweets, 10_000).Select(m => m.Input.Text));
        }

        var fast = new FeatureScratch();
        var reference = new FeatureScratch();
        foreach (var text in texts)
        {
            foreach (var bits in (int[])[12, 18])
            {
                TextFeaturizer.Featurize(text, bits, fast);
                ReferenceFeaturizer.Featurize(text, bits, reference);

                Assert.AreEqual(reference.Count, fast.Count, text);
                CollectionAssert.AreEqual(reference.Indices.AsSpan(0, reference.Count).ToArray(), fast.Indices.AsSpan(0, fast.Count).ToArray(), text);
                Assert.AreEqual(reference.Scale, fast.Scale, text);
                Assert.AreEqual(reference.Cues, fast.Cues, text);
                CollectionAssert.AreEqual(reference.Dense, fast.Dense, text);
            }
        }
    }

    private static IEnumerable<string> AwkwardTexts()
    {
        var ascii = new StringBuilder();
        for (var c = 0; c < 128; c++)
        {
            ascii.Append((char)c).Append("ab").Append((char)c).Append(' ');
        }

        yield return ascii.ToString();
        yield return ascii.ToString().ToUpperInvariant();
        yield return "I don't, can’t, won`t and isn't 'quoted' it's O'Brien’s rock'n'roll";
        yield return "ISTANBUL İstanbul straße STRASSE Ωmega ΣΊΣΥΦΟΣ ǅungla Ⅻ ① ½ ²";
        yield return "HTTP://EXAMPLE.COM/x Https://a.b www.c.d WWW.E.F hxxp://no wwwx h w";
        yield return "see you in court!! small claims, SMALL CLAIMS. every single time; for the last 3 weeks";
        yield return "legal action legal legal action action on hold on on hold again once again yet again";
        yield return "3 hours 2 days, 10 mins… 5:30 hrs 1,000 weeks 2.5 years minutes";
        yield return "soooooo baaaaad!!!!! ???? ?!?! ... -- ** && // ## #hashtag #1 @user @_ @";
        yield return "🙂🙂 ☹ ♥ 👍🏽 \uD83D alone \uDE00 😀x 😀😀😀 ✈️";
        yield return new string('a', 300) + " " + new string('!', 50);
        yield return string.Concat(Enumerable.Repeat("refund please ", 600));
        yield return "";
        yield return "   \t\n  ";
    }

    private static IEnumerable<string> FuzzTexts(int count)
    {
        string[] pieces =
        [
            "on", "hold", "on hold", "see", "you", "in", "court", "small", "claims", "every", "single", "time", "legal", "action",
            "not", "working", "don't", "doesn’t", "won`t", "3", "hours", "2", "days", "rude", "staff", "your", "@acme", "#fail",
            "http://x.y/z", "WWW.ACME.COM", "!!!", "?", "...", ",", "'", "’", "`", "-", "🙂", "😡", "ÄRGER", "Ünlü", "straße",
            "SOOOO", "baaad", "LAWYER", "Fire", "caught", "fire", "customer", "service", "yet", "again", "once", "no", "one",
            "x", "A", "éé", "İ", "ı", "\u2019s", "1.5", "10:30", "1,000", "\u00a0", "\u200b", "Ω", "ǅ", "_", "#", "@",
        ];
        var random = new Random(4_2026);
        for (var i = 0; i < count; i++)
        {
            var builder = new StringBuilder();
            var words = random.Next(1, 25);
            for (var w = 0; w < words; w++)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
                builder.Append(random.Next(5) switch
                {
                    0 => "",
                    1 => ", ",
                    2 => "  ",
                    _ => " ",
                });
            }

            yield return builder.ToString();
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialWatch.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No SocialWatch.sln above {AppContext.BaseDirectory}.");
    }
}
