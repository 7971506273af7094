using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Digests;
using SocialWatch.Alerts.Email;
using SocialWatch.Alerts.Tests.Storage;
using SocialWatch.Core.Digests;
using SocialWatch.Storage;
using SocialWatch.Storage.PostgreSql;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Alerts.Tests.Digests;

[TestClass]
public sealed class DigestRegistrationTests
{
    [TestMethod]
    public async Task AddSocialWatchDigests_ResolvesTheJobTheSchedulerAndTheUseCases()
    {
        await using var database = await TestDatabases.SqliteAsync();
        await using var services = DigestServices.Build(database, TimeProvider.System);

        Assert.IsNotNull(services.GetRequiredService<DigestJob>());
        Assert.IsNotNull(services.GetRequiredService<DigestScheduler>());
        Assert.IsNotNull(services.GetRequiredService<PreviewDigest>());
        Assert.IsNotNull(services.GetRequiredService<CreateDigestSubscription>());
        Assert.AreSame<object>(services.GetRequiredService<IDigestSubscriptionStore>(), services.GetRequiredService<IDigestRunStore>());
        Assert.AreSame<object>(services.GetRequiredService<IEmailSender>(), services.GetRequiredService<SocialWatch.Alerts.Notifications.IEmailSender>());
    }

    [TestMethod]
    public void AddSocialWatchDigests_PicksThePostgreSqlQueriesForThatProvider()
    {
        using var services = Build(new() { ["Storage:Provider"] = "PostgreSql", ["ConnectionStrings:SocialWatch"] = "Host=127.0.0.1;Database=none" });

        var data = Assert.IsInstanceOfType<SqlDigestDataSource>(services.GetRequiredService<IDigestDataSource>());

        Assert.AreSame(PostgreSqlDigestDataSql.Statements, data.Sql);
    }

    [TestMethod]
    public void AddSocialWatchDigests_MissingSmtpAndAppAddress_FailValidationWithTheirNames()
    {
        using var services = Build(new() { ["Smtp:Host"] = null, ["Smtp:From"] = null, ["Digests:AppBaseUrl"] = "javascript:alert(1)" });

        var smtp = Assert.ThrowsExactly<OptionsValidationException>(() => services.GetRequiredService<IOptions<SmtpOptions>>().Value);
        var digests = Assert.ThrowsExactly<OptionsValidationException>(() => services.GetRequiredService<IOptions<DigestOptions>>().Value);

        Assert.Contains("Host", smtp.Message);
        Assert.Contains("From", smtp.Message);
        Assert.Contains("Digests:AppBaseUrl", digests.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["ConnectionStrings:SocialWatch"] = "Data Source=:memory:",
            ["Digests:AppBaseUrl"] = "https://app.example.com/",
            ["Smtp:Host"] = "smtp.example.com",
            ["Smtp:From"] = "sw@example.com",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IRecurringJobManager>(new RecordingRecurringJobManager());
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSocialWatchStorage(configuration);
        services.AddSocialWatchDigests(configuration);
        return services.BuildServiceProvider();
    }
}
