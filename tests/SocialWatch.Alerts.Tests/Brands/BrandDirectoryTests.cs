using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Alerts.Brands;
using SocialWatch.Core.Brands;
using SocialWatch.Storage;

namespace SocialWatch.Alerts.Tests.Brands;

[TestClass]
public sealed class BrandDirectoryTests : IDisposable
{
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(10);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
    private readonly IConfigurationRoot _configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Brands:0:Name"] = "Acme Air",
        ["Brands:0:Handles:0"] = "AcmeAir",
        ["Brands:0:Feeds:0:Name"] = "news",
        ["Brands:0:Feeds:0:Url"] = "https://news.example/acme.rss",
        ["Brands:0:Retention"] = "30.00:00:00",
        ["Brands:1:Name"] = "Initech",
    }).Build();

    private readonly InMemoryBrandStore _store;
    private readonly ConfiguredBrands _configured;
    private readonly BrandDirectory _directory;

    public BrandDirectoryTests()
    {
        _store = new InMemoryBrandStore(_time);
        _configured = new ConfiguredBrands(_configuration);
        _directory = new BrandDirectory(_configured.Monitor, _store, _time, Options.Create(new BrandDirectoryOptions { RefreshAfter = RefreshAfter }));
    }

    public void Dispose()
    {
        _directory.Dispose();
        _configured.Dispose();
    }

    [TestMethod]
    public async Task Get_ListsConfiguredBrandsFirst_ThenStoredOnes_EachWithItsOrigin()
    {
        await _store.CreateAsync(new Brand { Name = "Globex", Keywords = ["Globex"] }, "admin", None);

        var set = await _directory.GetAsync(None);

        Assert.AreEqual("Acme Air|Initech|Globex", string.Join("|", set.Brands.Select(b => b.Name)));
        Assert.IsTrue(set.FindEntry("acme air")!.FromConfiguration);
        Assert.IsFalse(set.FindEntry("GLOBEX")!.FromConfiguration);
        Assert.AreEqual(1L, set.FindEntry("Globex")!.Stored!.Version);
        Assert.AreEqual(new Uri("https://news.example/acme.rss"), set.Find("Acme Air")!.Feeds.Single().Url);
        Assert.AreEqual(TimeSpan.FromDays(30), set.Find("Acme Air")!.Retention);
        Assert.IsNull(set.Find("Umbrella"));
    }

    [TestMethod]
    public async Task StoredBrand_WithAConfiguredName_IsLeftOut_AndReportedAsShadowed()
    {
        await _store.CreateAsync(new Brand { Name = "initech", Keywords = ["stored copy"] }, "admin", None);

        var set = await _directory.GetAsync(None);

        Assert.AreEqual("Acme Air|Initech", string.Join("|", set.Brands.Select(b => b.Name)));
        Assert.IsTrue(set.FindEntry("Initech")!.FromConfiguration);
        Assert.AreEqual("initech", set.Shadowed.Single().Brand.Name);
    }

    [TestMethod]
    public async Task RepeatedReads_WithinTheRefreshTime_ReadTheStoreOnce()
    {
        await _directory.GetAsync(None);
        _time.Advance(RefreshAfter - TimeSpan.FromMilliseconds(1));

        for (var i = 0; i < 100; i++)
        {
            await _directory.GetAsync(None);
        }

        Assert.AreEqual(1, _store.Reads);
    }

    [TestMethod]
    public async Task AChangeOnAnotherHost_ShowsOnceTheCopyIsOlderThanTheRefreshTime()
    {
        await _directory.GetAsync(None);

        // Another host stores a brand: this directory is not told.
        await _store.CreateAsync(new Brand { Name = "Globex", Keywords = ["Globex"] }, "admin", None);
        var before = await _directory.GetAsync(None);
        _time.Advance(RefreshAfter);
        var after = await _directory.GetAsync(None);

        Assert.IsNull(before.Find("Globex"));
        Assert.IsNotNull(after.Find("Globex"));
        Assert.AreEqual(2, _store.Reads);
    }

    [TestMethod]
    public async Task Invalidate_MakesTheNextReadSeeAChangeAtOnce()
    {
        await _directory.GetAsync(None);
        await _store.CreateAsync(new Brand { Name = "Globex", Keywords = ["Globex"] }, "admin", None);

        _directory.Invalidate();
        var set = await _directory.GetAsync(None);

        Assert.IsNotNull(set.Find("Globex"));
        Assert.AreEqual(2, _store.Reads);
    }

    [TestMethod]
    public async Task ConfigurationReload_IsSeenByTheNextRead()
    {
        await _directory.GetAsync(None);

        _configuration["Brands:2:Name"] = "Umbrella";
        _configuration.Reload();
        var set = await _directory.GetAsync(None);

        Assert.IsNotNull(set.Find("Umbrella"));
    }

    [TestMethod]
    public async Task ConfigurationReload_ThatBreaksTheBrandList_FailsTheRead_InsteadOfServingAnUnvalidatedList()
    {
        await _directory.GetAsync(None);

        _configuration["Brands:2:Name"] = "acme air";

        // The options monitor validates as the reload fires (and throws there too); what matters here is the next read.
        Assert.ThrowsExactly<AggregateException>(_configuration.Reload);
        var error = await Assert.ThrowsExactlyAsync<OptionsValidationException>(async () => await _directory.GetAsync(None));

        StringAssert.Contains(error.Message, "Brands:2:Name 'acme air' is used by more than one brand");
    }

    [TestMethod]
    public async Task StoreFailure_FailsTheRead_InsteadOfListingOnlyConfiguredBrands()
    {
        _store.FailReadsWith = new InvalidOperationException("database down");

        var error = await Assert.ThrowsExactlyAsync<InvalidOperationException>(async () => await _directory.GetAsync(None));

        Assert.AreEqual("database down", error.Message);
    }

    [TestMethod]
    public async Task ConcurrentReads_OfAStaleCopy_ReadTheStoreOnce()
    {
        var reads = Enumerable.Range(0, 20).Select(_ => Task.Run(async () => await _directory.GetAsync(None))).ToArray();

        var sets = await Task.WhenAll(reads);

        Assert.AreEqual(1, _store.Reads);
        Assert.IsTrue(sets.All(s => ReferenceEquals(s, sets[0])));
    }
}
