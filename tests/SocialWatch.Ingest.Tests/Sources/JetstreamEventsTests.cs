using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Ingest.Sources.Bluesky;
using SocialWatch.Ingest.Tests.Infrastructure;

namespace SocialWatch.Ingest.Tests.Sources;

[TestClass]
public sealed class JetstreamEventsTests
{
    private const string Did = "did:plc:eygmaihciaxprqvxpfvl6flk";

    [TestMethod]
    public void Parse_Create_GivesThePostWithItsFacets()
    {
        // "@acmeair.bsky.social" is bytes 7..27 after "héllo " (é is two bytes).
        var facets = new JsonArray(
            new JsonObject
            {
                ["index"] = new JsonObject { ["byteStart"] = 7, ["byteEnd"] = 27 },
                ["features"] = new JsonArray(new JsonObject { ["$type"] = "app.bsky.richtext.facet#mention", ["did"] = "did:plc:acme" }),
            },
            new JsonObject
            {
                ["index"] = new JsonObject { ["byteStart"] = 28, ["byteEnd"] = 36 },
                ["features"] = new JsonArray(new JsonObject { ["$type"] = "app.bsky.richtext.facet#tag", ["tag"] = "AcmeAir" }),
            },
            new JsonObject
            {
                ["index"] = new JsonObject { ["byteStart"] = 37, ["byteEnd"] = 49 },
                ["features"] = new JsonArray(new JsonObject { ["$type"] = "app.bsky.richtext.facet#link", ["uri"] = "https://acme.example/x" }),
            });
        var json = FakeJetstreamServer.Post(1_725_911_162_329_308, Did, "3l3qo2vutsw2b", "héllo @acmeair.bsky.social #AcmeAir acme.example", facets);

        var parsed = JetstreamEvents.Parse(Encoding.UTF8.GetBytes(json));

        Assert.AreEqual(JetstreamEventKind.Post, parsed.Kind);
        Assert.AreEqual(1_725_911_162_329_308, parsed.TimeUs);
        var post = parsed.Post!;
        Assert.AreEqual("at://did:plc:eygmaihciaxprqvxpfvl6flk/app.bsky.feed.post/3l3qo2vutsw2b", post.AtUri);
        Assert.AreEqual("https://bsky.app/profile/did:plc:eygmaihciaxprqvxpfvl6flk/post/3l3qo2vutsw2b", post.WebUrl);
        Assert.AreEqual("acmeair.bsky.social", post.MentionedHandles.Single());
        Assert.AreEqual("did:plc:acme", post.MentionedDids.Single());
        Assert.AreEqual("acmeair", post.Tags.Single());
        Assert.AreEqual("https://acme.example/x", post.Links.Single());
        Assert.AreEqual("en", post.Language);
        Assert.AreEqual(new DateTimeOffset(2024, 9, 9, 19, 46, 2, 329, TimeSpan.Zero), post.CreatedAt);
    }

    [TestMethod]
    public void ToMention_NamesThePostByItsAtUriAndLinksToTheWebApp()
    {
        var json = FakeJetstreamServer.Post(1_725_911_162_329_308, Did, "3l3qo2vutsw2b", "acme air lost my bag");
        var post = JetstreamEvents.Parse(Encoding.UTF8.GetBytes(json)).Post!;

        var mention = post.ToMention("Acme Air", new FakeTimeProvider(new DateTimeOffset(2024, 9, 10, 0, 0, 0, TimeSpan.Zero)));

        Assert.AreEqual("bluesky", mention.Source);
        Assert.AreEqual(post.AtUri, mention.ExternalId);
        Assert.AreEqual(post.WebUrl, mention.Url);
        Assert.AreEqual(Did, mention.Author.Id);
        Assert.AreEqual("Acme Air", mention.Brand);
    }

    [TestMethod]
    public void Parse_Delete_GivesTheUriToRedact()
    {
        var parsed = JetstreamEvents.Parse(Encoding.UTF8.GetBytes(FakeJetstreamServer.Delete(5, Did, "3l3qo2vutsw2b")));

        Assert.AreEqual(JetstreamEventKind.Delete, parsed.Kind);
        Assert.AreEqual("at://did:plc:eygmaihciaxprqvxpfvl6flk/app.bsky.feed.post/3l3qo2vutsw2b", parsed.Uri);
    }

    [TestMethod]
    public void Parse_IdentityEvent_OnlyMovesTheCursor()
    {
        var parsed = JetstreamEvents.Parse(Encoding.UTF8.GetBytes(FakeJetstreamServer.Identity(7, Did)));

        Assert.AreEqual(JetstreamEventKind.Other, parsed.Kind);
        Assert.AreEqual(7, parsed.TimeUs);
    }

    [TestMethod]
    [DataRow("not json at all")]
    [DataRow("{\"did\":\"did:plc:x1\",\"kind\":\"commit\"}")]
    [DataRow("{\"did\":\"did:plc:abc\",\"time_us\":\"soon\",\"kind\":\"commit\"}")]
    [DataRow("{\"did\":\"javascript:alert(1)\",\"time_us\":5,\"kind\":\"commit\"}")]
    [DataRow("{\"did\":\"did:plc:abc/../../x\",\"time_us\":5,\"kind\":\"commit\"}")]
    [DataRow("{\"did\":\"did:plc:abcdef\",\"time_us\":5,\"kind\":\"commit\",\"commit\":{\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"a/b?c\",\"record\":{\"text\":\"x\"}}}")]
    [DataRow("{\"did\":\"did:plc:abcdef\",\"time_us\":5,\"kind\":\"commit\",\"commit\":{\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"..\",\"record\":{\"text\":\"x\"}}}")]
    [DataRow("{\"did\":\"did:plc:abcdef\",\"time_us\":5,\"kind\":\"commit\",\"commit\":{\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"3k\"}}")]
    [DataRow("[1,2,3]")]
    public void Parse_RefusesWhatIsNotAWellFormedEvent(string json)
    {
        var parsed = JetstreamEvents.Parse(Encoding.UTF8.GetBytes(json));

        Assert.AreEqual(JetstreamEventKind.Malformed, parsed.Kind);
    }

    [TestMethod]
    public void Parse_FacetOutsideTheText_IsIgnored()
    {
        var facets = new JsonArray(new JsonObject
        {
            ["index"] = new JsonObject { ["byteStart"] = 2, ["byteEnd"] = 9_000 },
            ["features"] = new JsonArray(new JsonObject { ["$type"] = "app.bsky.richtext.facet#mention", ["did"] = "not a did" }),
        });

        var parsed = JetstreamEvents.Parse(Encoding.UTF8.GetBytes(FakeJetstreamServer.Post(9, Did, "3k", "short", facets)));

        Assert.AreEqual(JetstreamEventKind.Post, parsed.Kind);
        Assert.IsEmpty(parsed.Post!.MentionedHandles);
        Assert.IsEmpty(parsed.Post.MentionedDids);
    }

    [TestMethod]
    public void Parse_LanguageThatIsNotATag_IsLeftOut()
    {
        var parsed = JetstreamEvents.Parse(Encoding.UTF8.GetBytes(FakeJetstreamServer.Post(9, Did, "3k", "hi", lang: "<b>en</b>")));

        Assert.IsNull(parsed.Post!.Language);
    }

    [TestMethod]
    public void Parse_HugeText_IsCutToThePostLimit()
    {
        var parsed = JetstreamEvents.Parse(Encoding.UTF8.GetBytes(FakeJetstreamServer.Post(9, Did, "3k", new string('a', 50_000))));

        Assert.AreEqual(3_000, parsed.Post!.Text.Length);
    }
}
