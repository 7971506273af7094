using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Mentions;
using SocialWatch.Ingest.Pipeline;

namespace SocialWatch.Ingest.Tests.Pipeline;

[TestClass]
public sealed class MentionNormalizerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);

    private readonly MentionNormalizer _normalizer = new(Options.Create(new IngestOptions { MaxTextLength = 140 }), new FakeTimeProvider(Now));

    private readonly Brand _brand = new() { Name = "Acme Air", ExcludedTerms = ["Acme Anvil"], Languages = ["en", "de"] };

    [TestMethod]
    public void Normalize_StripsControlAndDirectionCharacters_AndUnifiesNewlines()
    {
        var mention = Sample("  \u0007Lost\u202E bag\r\nat\u200B gate\rB12\t!  ");

        var normalized = _normalizer.Normalize(mention, _brand);

        Assert.AreEqual("Lost bag\nat gate\nB12\t!", normalized!.Text);
        Assert.AreEqual(Now, normalized.IngestedAt);
        Assert.AreEqual("Acme Air", normalized.Brand);
    }

    [TestMethod]
    public void Clean_ReturnsAlreadyCleanTextWithoutCopying_AndStillCleansTheRest()
    {
        const string clean = "Lost bag\nat gate B12";

        Assert.AreSame(clean, MentionNormalizer.Clean(clean, 140, keepNewlines: true));
        Assert.AreEqual("Lost bag at gate B12", MentionNormalizer.Clean(clean, 140, keepNewlines: false));
        Assert.AreEqual("Lost", MentionNormalizer.Clean(clean, 4, keepNewlines: true));
    }

    [TestMethod]
    public void Normalize_KeepsJoinersThatEmojiAndScriptsNeed()
    {
        const string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467 trip ruined, \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";

        var normalized = _normalizer.Normalize(Sample(family), _brand);

        Assert.AreEqual(family, normalized!.Text);
    }

    [TestMethod]
    public void Normalize_CapsTheTextWithoutSplittingASurrogatePair()
    {
        var text = new string('a', 139) + "😀 and more";

        var normalized = _normalizer.Normalize(Sample(text), _brand);

        Assert.AreEqual(new string('a', 139), normalized!.Text);
    }

    [TestMethod]
    public void Normalize_DropsMentionsWithAnExcludedTerm()
    {
        var normalized = _normalizer.Normalize(Sample("My new ACME ANVIL arrived broken"), _brand);

        Assert.IsNull(normalized);
    }

    [TestMethod]
    public void Normalize_DropsOtherLanguages_ButKeepsUnknownOnes()
    {
        Assert.IsNull(_normalizer.Normalize(Sample("vol annulé", "fr"), _brand));
        Assert.IsNotNull(_normalizer.Normalize(Sample("Flug gestrichen", "DE"), _brand));
        Assert.IsNotNull(_normalizer.Normalize(Sample("???", "und"), _brand));
        Assert.IsNotNull(_normalizer.Normalize(Sample("no language", null), _brand));
    }

    [TestMethod]
    public void Normalize_DropsATextThatIsEmptyOnceCleaned()
    {
        Assert.IsNull(_normalizer.Normalize(Sample(" \u0000\u200B "), _brand));
    }

    [TestMethod]
    public void Normalize_KeepsOnlyHttpLinks()
    {
        Assert.IsNull(_normalizer.Normalize(Sample("x") with { Url = "javascript:alert(1)" }, _brand)!.Url);
        Assert.IsNull(_normalizer.Normalize(Sample("x") with { Url = "/relative/path" }, _brand)!.Url);
        Assert.AreEqual("https://x.com/a/status/1", _normalizer.Normalize(Sample("x") with { Url = "https://x.com/a/status/1" }, _brand)!.Url);
    }

    [TestMethod]
    public void Normalize_CleansAuthorNamesAndClampsNegativeCounts()
    {
        var mention = Sample("x") with
        {
            Author = new MentionAuthor("id", "han\ndle", "Evil\u202Egnp.exe", -5, false),
            Metrics = new EngagementMetrics(-1, 2, -3, 4),
        };

        var normalized = _normalizer.Normalize(mention, _brand)!;

        Assert.AreEqual("han dle", normalized.Author.Handle);
        Assert.AreEqual("Evilgnp.exe", normalized.Author.DisplayName);
        Assert.AreEqual(0, normalized.Author.Followers);
        Assert.AreEqual(new EngagementMetrics(0, 2, 0, 4), normalized.Metrics);
    }

    [TestMethod]
    public void Normalize_ClampsANetworksOddCountersAndDate_RatherThanDroppingThePost()
    {
        var mention = Sample("Lost bag") with
        {
            Author = new MentionAuthor("u1", "marta", null, long.MaxValue, false),
            Metrics = new EngagementMetrics(long.MaxValue, long.MaxValue, -4, 2),
            CreatedAt = new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero),
        };

        var normalized = _normalizer.Normalize(mention, _brand);

        Assert.AreEqual(new EngagementMetrics(MentionBounds.MaxCount, MentionBounds.MaxCount, 0, 2), normalized!.Metrics);
        Assert.AreEqual(MentionBounds.MaxFollowers, normalized.Author.Followers);
        Assert.AreEqual(Now, normalized.CreatedAt);
    }

    private static Mention Sample(string text, string? language = "en") => new()
    {
        Source = "x",
        ExternalId = "1",
        Brand = "whatever",
        Text = text,
        Author = new MentionAuthor("u1", "marta", null, 10, false),
        Language = language,
        CreatedAt = Now,
    };
}
