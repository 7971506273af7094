using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Alerts.Brands;
using SocialWatch.Core.Brands;
using SocialWatch.Storage;

namespace SocialWatch.Alerts.Tests.Brands;

[TestClass]
public sealed class BrandEditorTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
    private readonly InMemoryBrandStore _store;
    private readonly ConfiguredBrands _configured;
    private readonly BrandDirectory _directory;
    private readonly BrandEditor _editor;

    public BrandEditorTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Brands:0:Name"] = "Acme Air" }).Build();
        _store = new InMemoryBrandStore(_time);
        _configured = new ConfiguredBrands(configuration);
        _directory = new BrandDirectory(_configured.Monitor, _store, _time, Options.Create(new BrandDirectoryOptions { RefreshAfter = TimeSpan.FromMinutes(10) }));
        _editor = new BrandEditor(_store, _directory);
    }

    public void Dispose()
    {
        _directory.Dispose();
        _configured.Dispose();
    }

    [TestMethod]
    public async Task Create_IsVisibleInTheDirectoryAtOnce()
    {
        await _directory.GetAsync(None);

        var result = await _editor.CreateAsync(new Brand { Name = "Globex", Keywords = ["Globex"] }, "admin", None);
        var set = await _directory.GetAsync(None);

        Assert.IsTrue(result.Succeeded);
        Assert.AreEqual(1L, result.Saved!.Version);
        Assert.IsFalse(set.FindEntry("Globex")!.FromConfiguration);
    }

    [TestMethod]
    public async Task Create_WithAConfiguredBrandsName_IsRefused_AndStoresNothing()
    {
        var result = await _editor.CreateAsync(new Brand { Name = "ACME AIR", Keywords = ["x"] }, "admin", None);

        Assert.IsFalse(result.Succeeded);
        StringAssert.Contains(result.Problems.Single().Message, "is a brand from configuration");
        Assert.IsEmpty(await _store.ListAsync(None));
    }

    [TestMethod]
    public async Task Create_WithAStoredBrandsName_IsRefused()
    {
        await _editor.CreateAsync(new Brand { Name = "Globex" }, "admin", None);

        var result = await _editor.CreateAsync(new Brand { Name = "globex" }, "admin", None);

        StringAssert.Contains(result.Problems.Single().Message, "already exists");
        Assert.HasCount(1, await _store.ListAsync(None));
    }

    [TestMethod]
    public async Task Create_Invalid_ListsEveryProblem_AndStoresNothing()
    {
        var brand = new Brand
        {
            Name = "Bad:Name",
            Handles = ["two words"],
            Subreddits = ["r/no"],
            Languages = ["english"],
            Feeds = [new BrandFeed { Name = "news", Url = new Uri("ftp://files.example/feed") }],
            Retention = TimeSpan.FromDays(-1),
        };

        var result = await _editor.CreateAsync(brand, "admin", None);

        Assert.AreEqual("Feeds,Handles,Languages,Name,Retention,Subreddits", string.Join(",", result.Problems.Select(p => p.Field).Order(StringComparer.Ordinal)));
        Assert.IsEmpty(await _store.ListAsync(None));
    }

    [TestMethod]
    public async Task Update_OfAConfiguredBrand_IsRefused()
    {
        var result = await _editor.UpdateAsync(new Brand { Name = "Acme Air", Keywords = ["new"] }, 1, "admin", None);

        StringAssert.Contains(result.Problems.Single().Message, "comes from configuration");
    }

    [TestMethod]
    public async Task Update_FromAnOldVersion_SaysSomeoneElseChangedIt_AndKeepsTheirChange()
    {
        await _editor.CreateAsync(new Brand { Name = "Globex", Keywords = ["v1"] }, "admin", None);
        await _editor.UpdateAsync(new Brand { Name = "Globex", Keywords = ["ann's edit"] }, 1, "ann", None);

        var result = await _editor.UpdateAsync(new Brand { Name = "Globex", Keywords = ["bob's edit"] }, 1, "bob", None);

        StringAssert.Contains(result.Problems.Single().Message, "changed by someone else");
        Assert.AreEqual("ann's edit", (await _directory.GetAsync(None)).Find("Globex")!.Keywords.Single());
    }

    [TestMethod]
    public async Task Delete_RemovesTheBrandFromTheDirectoryAtOnce()
    {
        await _editor.CreateAsync(new Brand { Name = "Globex" }, "admin", None);
        await _directory.GetAsync(None);

        var result = await _editor.DeleteAsync("Globex", 1, "admin", None);

        Assert.IsTrue(result.Succeeded);
        Assert.IsNull((await _directory.GetAsync(None)).Find("Globex"));
    }
}
