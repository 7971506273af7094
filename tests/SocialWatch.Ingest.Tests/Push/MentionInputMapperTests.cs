using System.Text;
using System.Text.Json;
using SocialWatch.Core.Mentions;
using SocialWatch.Ingest.Push;
using SocialWatch.Ingest.Tests.Infrastructure;

namespace SocialWatch.Ingest.Tests.Push;

[TestClass]
public sealed class MentionInputMapperTests : IDisposable
{
    private readonly IngestHarness _harness = new(new Dictionary<string, string?>());

    public void Dispose() => _harness.Dispose();

    [TestMethod]
    public void ParseBody_AcceptsOneObjectOrAnArray()
    {
        var one = MentionInputMapper.ParseBody("""{"id":"1","text":"a","brand":"Acme Air"}"""u8);
        var many = MentionInputMapper.ParseBody("""[{"id":"1","text":"a"},{"id":"2","text":"b"}]"""u8);

        Assert.HasCount(1, one);
        Assert.HasCount(2, many);
    }

    [TestMethod]
    public void ParseBody_MalformedJson_Throws()
    {
        Assert.ThrowsExactly<JsonException>(() => MentionInputMapper.ParseBody("""[{"id":"1","text":"""u8));
        Assert.ThrowsExactly<JsonException>(() => MentionInputMapper.ParseBody("42"u8));
        Assert.ThrowsExactly<JsonException>(() => MentionInputMapper.ParseBody(Encoding.UTF8.GetBytes("""{"id":"1","metrics":{"likes":"many"}}""")));
    }

    [TestMethod]
    public async Task Map_ValidItem_BecomesAMentionOfTheConfiguredBrand()
    {
        var input = MentionLines.Read(
            """{"id":"abc","text":"Lost my bag","brand":"acme air","createdAt":"2026-11-24T05:00:00Z","lang":"en","url":"https://example.com/p/1","author":{"id":"u1","handle":"marta","followers":120,"verified":true},"metrics":{"likes":3,"reposts":1,"replies":0,"quotes":0}}""").Line!;

        var (mapped, error) = await Mapper().MapAsync(input, 0, null, "push", CancellationToken.None);

        Assert.IsNull(error);
        var mention = mapped!.Mention;
        Assert.AreEqual("push", mention.Source);
        Assert.AreEqual("Acme Air", mention.Brand, "the brand name is taken from configuration, whatever case was sent");
        Assert.AreEqual("marta", mention.Author.Handle);
        Assert.AreEqual(120, mention.Author.Followers);
        Assert.AreEqual(3, mention.Metrics.Likes);
        Assert.AreEqual(new DateTimeOffset(2026, 11, 24, 5, 0, 0, TimeSpan.Zero), mention.CreatedAt);
    }

    [TestMethod]
    public async Task Map_InvalidItem_ListsEveryProblem()
    {
        var input = new MentionLine
        {
            Text = " ",
            Brand = "Nobody",
            Source = "Not A Source!",
            Url = "javascript:alert(1)",
            Metrics = new MentionLineMetrics { Likes = -1 },
        };

        var (mapped, error) = await Mapper().MapAsync(input, 7, null, "push", CancellationToken.None);

        Assert.IsNull(mapped);
        Assert.AreEqual(7, error!.Index);
        var all = string.Join(" | ", error.Errors);
        StringAssert.Contains(all, "\"id\" is required");
        StringAssert.Contains(all, "\"text\" is empty.");
        StringAssert.Contains(all, "'Nobody' is not a known brand");
        StringAssert.Contains(all, "\"source\" must be");
        StringAssert.Contains(all, "\"url\" must be an absolute http or https URL");
        StringAssert.Contains(all, "\"metrics.likes\" must be between 0 and 10,000,000,000.");
    }

    [TestMethod]
    public async Task Map_PushedMentionClaimingAPollersSource_IsRefused_ButReplayMayUseIt()
    {
        var input = new MentionLine { Id = "1790000000000000000", Text = "fake", Brand = "Acme Air", Source = "x" };

        var (_, pushError) = await Mapper().MapAsync(input, 0, null, "push", CancellationToken.None);
        var (replayed, replayError) = await Mapper().MapAsync(input, 0, null, "replay", CancellationToken.None, allowPollerSources: true);

        StringAssert.Contains(pushError!.Errors.Single(), "belongs to a built-in poller");
        Assert.IsNull(replayError);
        Assert.AreEqual("x", replayed!.Mention.Source);
    }

    [TestMethod]
    public async Task Map_PushedMentionClaimingYouTube_IsRefused()
    {
        var input = new MentionLine { Id = "UgzAbCdEfGhIjKlMnOp4AaABAg", Text = "fake", Brand = "Acme Air", Source = "youtube" };

        var (_, pushError) = await Mapper().MapAsync(input, 0, null, "push", CancellationToken.None);

        StringAssert.Contains(pushError!.Errors.Single(), "belongs to a built-in poller");
    }

    [TestMethod]
    public async Task Map_BrandOverride_ReplacesTheItemsBrand()
    {
        var (mapped, error) = await Mapper().MapAsync(new MentionLine { Id = "1", Text = "x" }, 0, "Acme Air", "replay", CancellationToken.None);

        Assert.IsNull(error);
        Assert.AreEqual("replay", mapped!.Mention.Source);
        Assert.AreEqual("Acme Air", mapped.Brand.Name);
    }

    [TestMethod]
    public async Task Map_CountsNearTheInt64Limit_AndADateIn9999_AreRefusedWithAnErrorPerField()
    {
        var input = MentionLines.Read(
            """{"id":"huge","text":"x","brand":"Acme Air","createdAt":"9999-12-31T00:00:00Z","author":{"followers":9223372036854775807},"metrics":{"likes":9223372036854775807,"reposts":9223372036854775807}}""").Line!;

        var (mapped, error) = await Mapper().MapAsync(input, 0, null, "push", CancellationToken.None);

        Assert.IsNull(mapped);
        var text = string.Join(" ", error!.Errors);
        StringAssert.Contains(text, "\"metrics.likes\" must be between 0 and 10,000,000,000.");
        StringAssert.Contains(text, "\"metrics.reposts\"");
        StringAssert.Contains(text, "\"author.followers\"");
        StringAssert.Contains(text, "\"createdAt\"");
    }

    [TestMethod]
    public async Task Map_ANumericId_IsKeptExactlyAsWritten_AsTheScoreVerbReadsIt()
    {
        var body = MentionInputMapper.ParseBody("""[{"id":1790000000000000001,"text":"lost bag","brand":"Acme Air"}]"""u8);

        var (mapped, error) = await Mapper().MapAsync(body[0]!, 0, null, "push", CancellationToken.None);

        Assert.IsNull(error);
        Assert.AreEqual("1790000000000000001", mapped!.Mention.ExternalId);
    }

    [TestMethod]
    public async Task Map_ADateThatIsNotADate_OrTextOverTheLimit_IsRefusedWithTheScoreVerbsMessages()
    {
        var input = new MentionLine { Id = "1", Text = new string('a', MentionLines.MaxTextLength + 1), Brand = "Acme Air", CreatedAt = "yesterday" };

        var (mapped, error) = await Mapper().MapAsync(input, 0, null, "push", CancellationToken.None);

        Assert.IsNull(mapped);
        var text = string.Join(" ", error!.Errors);
        StringAssert.Contains(text, "\"text\" is 40,001 characters, over the 40,000 limit.");
        StringAssert.Contains(text, "\"createdAt\" must be a date and time");
    }

    private MentionInputMapper Mapper() => _harness.Get<MentionInputMapper>();
}
