using SocialWatch.Core.Brands;
using SocialWatch.Ingest.Sources.Bluesky;

namespace SocialWatch.Ingest.Tests.Sources;

[TestClass]
public sealed class BrandMatcherTests
{
    private static readonly Brand AcmeAir = new() { Name = "Acme Air", Handles = ["acmeair"], Keywords = ["Acme Air", "#flyacme"] };
    private static readonly Brand Globex = new() { Name = "Globex", Handles = ["globex.com"], Keywords = ["Globex"] };
    private static readonly Brand Initech = new() { Name = "Initech", Handles = ["did:plc:initech7x2k4cqq3bsnhz5m3a"], Keywords = ["TPS report"] };

    private readonly BrandMatcher _matcher = BrandMatcher.Build([AcmeAir, Globex, Initech]);

    [TestMethod]
    [DataRow("my bag is lost, ACME AIR please help")]
    [DataRow("Acme\u00a0 \n air lost my bag")]
    [DataRow("hey @AcmeAir.bsky.social where is my bag")]
    [DataRow("never again #AcmeAir")]
    [DataRow("#FlyAcme was a mistake")]
    [DataRow("(acme air)")]
    public void MatchText_FindsTheBrand_WhateverTheCaseAndSpacing(string text)
    {
        var matched = _matcher.MatchText(text);

        Assert.AreEqual(0, matched.Single());
    }

    [TestMethod]
    [DataRow("acme airlines is a different company")]
    [DataRow("flyacme air")]
    [DataRow("the acmeair tag without a hash")]
    [DataRow("#acmeairport")]
    [DataRow("")]
    public void MatchText_IgnoresPartsOfOtherWords(string text)
    {
        var matched = _matcher.MatchText(text);

        Assert.IsEmpty(matched);
    }

    [TestMethod]
    public void MatchText_FindsEveryBrandNamedOnce()
    {
        var matched = _matcher.MatchText("Globex bought Acme Air, and acme air still wants its TPS report from globex");

        Assert.AreEqual("0 1 2", string.Join(" ", matched));
    }

    [TestMethod]
    public void Match_UsesMentionAndTagFacets()
    {
        var byHandle = Post("thanks a lot", handles: ["globex.com"]);
        var byShortHandle = Post("thanks a lot", handles: ["acmeair.bsky.social"]);
        var byDid = Post("thanks a lot", dids: ["did:plc:initech7x2k4cqq3bsnhz5m3a"]);
        var byTag = Post("thanks a lot", tags: ["acmeair"]);

        Assert.AreEqual(1, _matcher.Match(byHandle).Single());
        Assert.AreEqual(0, _matcher.Match(byShortHandle).Single());
        Assert.AreEqual(2, _matcher.Match(byDid).Single());
        Assert.AreEqual(0, _matcher.Match(byTag).Single());
    }

    [TestMethod]
    public void Match_ReadsLinkFacets()
    {
        var post = Post("see this", links: ["https://news.example/globex-recall"]);

        Assert.AreEqual(1, _matcher.Match(post).Single());
    }

    [TestMethod]
    public void Build_WithAThousandBrands_FindsEachByItsOwnKeyword()
    {
        var brands = Enumerable.Range(0, 1_000)
            .Select(i => new Brand { Name = $"Brand {i}", Handles = [$"brand{i}"], Keywords = [$"Brand {i} Cola", $"#b{i}cola"] })
            .ToList();

        var matcher = BrandMatcher.Build(brands);

        Assert.AreEqual(997, matcher.MatchText("I hate brand 997 cola so much").Single());
        Assert.AreEqual(12, matcher.MatchText("@brand12 refund please").Single());
        Assert.IsEmpty(matcher.MatchText("brand 9970 cola"));
        Assert.IsEmpty(matcher.MatchText("nothing to see here"));
    }

    [TestMethod]
    public void Match_WithoutBrands_MatchesNothing()
    {
        Assert.IsEmpty(BrandMatcher.Empty.Match(Post("acme air")));
    }

    private static JetstreamPost Post(string text, string[]? handles = null, string[]? dids = null, string[]? tags = null, string[]? links = null) =>
        new("did:plc:author", "3k", 1, text, DateTimeOffset.UnixEpoch, "en", null, handles ?? [], dids ?? [], tags ?? [], links ?? []);
}
