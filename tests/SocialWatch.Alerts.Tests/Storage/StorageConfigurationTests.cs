using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Storage;
using SocialWatch.Storage;

namespace SocialWatch.Alerts.Tests.Storage;

[TestClass]
public sealed class StorageConfigurationTests
{
    [TestMethod]
    public void Validate_WithNothingConfigured_AcceptsTheSqliteDefault()
    {
        var configuration = Configuration();

        var errors = StorageConfiguration.Validate(configuration);

        Assert.IsEmpty(errors);
    }

    [TestMethod]
    public void Validate_AnUnknownProvider_GivesOneClearLine()
    {
        var configuration = Configuration(("Storage:Provider", "Oracle"));

        var errors = StorageConfiguration.Validate(configuration);

        Assert.HasCount(1, errors);
        Assert.AreEqual("Storage:Provider 'Oracle' is not supported; use Sqlite, PostgreSql or SqlServer.", errors[0]);
    }

    [TestMethod]
    [DataRow("7")]
    [DataRow("Sqlite,SqlServer")]
    [DataRow("Postgres")]
    public void Validate_ValuesThatAreNotAProviderName_AreRejected(string value)
    {
        var errors = StorageConfiguration.Validate(Configuration(("Storage:Provider", value)));

        Assert.HasCount(1, errors);
    }

    [TestMethod]
    [DataRow("PostgreSql")]
    [DataRow("SqlServer")]
    public void Validate_AServerProviderWithoutConnectionString_SaysWhichKeyIsMissing(string provider)
    {
        var errors = StorageConfiguration.Validate(Configuration(("Storage:Provider", provider)));

        Assert.HasCount(1, errors);
        Assert.AreEqual($"ConnectionStrings:SocialWatch is required when Storage:Provider is {provider}.", errors[0]);
    }

    [TestMethod]
    public void Validate_ProviderNames_IgnoreCase()
    {
        var errors = StorageConfiguration.Validate(Configuration(("Storage:Provider", "postgresql"), ("ConnectionStrings:SocialWatch", "Host=db")));

        Assert.IsEmpty(errors);
    }

    [TestMethod]
    public void AddSocialWatchStorage_WithAnUnknownProvider_FailsOptionsValidationWithTheSameLine()
    {
        using var services = StorageServices.Build(new Dictionary<string, string?> { ["Storage:Provider"] = "Oracle" }, TimeProvider.System);

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.AreEqual("Storage:Provider 'Oracle' is not supported; use Sqlite, PostgreSql or SqlServer.", error.Message);
    }

    [TestMethod]
    public void AddSocialWatchStorage_BindsProviderAndConnectionString()
    {
        using var services = StorageServices.Build(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:SocialWatch"] = "Host=127.0.0.1;Database=sw",
        }, TimeProvider.System);

        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.AreEqual(StorageProvider.PostgreSql, options.Provider);
        Assert.AreEqual("Host=127.0.0.1;Database=sw", options.ConnectionString);
        Assert.AreEqual("PostgreSql", services.GetRequiredService<IStorageMaintenance>().Provider);
    }

    [TestMethod]
    public async Task AddSocialWatchStorage_ByDefault_UsesASqliteFileAndCreatesItsDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "socialwatch-tests", Guid.NewGuid().ToString("N"), "data");
        try
        {
            await using var services = StorageServices.Build(
                new Dictionary<string, string?> { ["ConnectionStrings:SocialWatch"] = $"Data Source={directory}/socialwatch.db" }, TimeProvider.System);

            var applied = await services.GetRequiredService<IStorageMaintenance>().MigrateAsync(CancellationToken.None);

            Assert.AreEqual("Sqlite", services.GetRequiredService<IStorageMaintenance>().Provider);
            Assert.IsNotEmpty(applied);
            Assert.IsTrue(File.Exists(Path.Combine(directory, "socialwatch.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(directory)!, recursive: true);
        }
    }

    [TestMethod]
    public void StorageOptions_DefaultToTheSqliteFileUnderData()
    {
        var options = new StorageOptions();

        Assert.AreEqual(StorageProvider.Sqlite, options.Provider);
        Assert.AreEqual("Data Source=./data/socialwatch.db", options.ConnectionString);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
