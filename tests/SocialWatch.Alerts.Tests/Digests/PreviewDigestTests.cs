using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Alerts.Digests;
using static SocialWatch.Alerts.Tests.Digests.DigestScheduleTests;

namespace SocialWatch.Alerts.Tests.Digests;

[TestClass]
public sealed class PreviewDigestTests
{
    private readonly InMemorySubscriptions _store = new();
    private readonly FakeDigestDataSource _data = new();
    private readonly FakeTimeProvider _time = new(Utc(2026, 6, 10, 12, 0));

    [TestMethod]
    public async Task Handle_RendersThePeriodSoFarWithTheChartInline()
    {
        _store.Items.Add(Daily("Europe/London", new TimeOnly(8, 0)) with { Id = 3, Brands = ["acme"] });
        _data.AddMentions("acme", Utc(2026, 6, 10, 9, 30), 12, 4);

        var preview = await UseCase().HandleAsync(3, CancellationToken.None);

        Assert.IsNotNull(preview);
        Assert.AreEqual(Utc(2026, 6, 10, 7, 0), preview.Period.Start);
        Assert.AreEqual(Utc(2026, 6, 11, 7, 0), preview.SendAt);
        Assert.IsFalse(preview.IsQuiet);
        Assert.Contains("Preview: this period has not ended yet", preview.Html);
        Assert.Contains("src=\"data:image/png;base64,", preview.Html);
        Assert.Contains("Mentions: 12", preview.Text);
    }

    [TestMethod]
    public async Task Handle_UnknownSubscription_ReturnsNull()
    {
        var preview = await UseCase().HandleAsync(404, CancellationToken.None);

        Assert.IsNull(preview);
    }

    private PreviewDigest UseCase() => new(
        _store,
        new DigestComposer(new DigestBuilder(_data, Options.Create(new DigestOptions { AppBaseUrl = new Uri("https://app.example.com/") }))),
        _time);
}
