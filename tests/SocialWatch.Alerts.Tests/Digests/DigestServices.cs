using System.Linq.Expressions;
using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocialWatch.Alerts.Digests;
using SocialWatch.Alerts.Tests.Storage;
using SocialWatch.Storage;

namespace SocialWatch.Alerts.Tests.Digests;

/// <summary>Digests as Host gets them: AddSocialWatchStorage + AddSocialWatchDigests over configuration.</summary>
internal static class DigestServices
{
    public static ServiceProvider Build(TestDatabase database, TimeProvider time, RecordingRecurringJobManager? jobs = null, int smtpPort = 25)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:SocialWatch"] = database.ConnectionString,
            ["Digests:AppBaseUrl"] = "https://app.example.com/",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = "SocialWatch <digests@socialwatch.test>",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IRecurringJobManager>(jobs ?? new RecordingRecurringJobManager());
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSocialWatchStorage(configuration);
        services.AddSocialWatchDigests(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static Task<TestDatabase> OpenAsync(StorageProvider provider, string name) => provider switch
    {
        StorageProvider.Sqlite => TestDatabases.SqliteAsync(),
        StorageProvider.PostgreSql => TestDatabases.PostgreSqlAsync(name),
        _ => TestDatabases.SqlServerAsync(),
    };
}

/// <summary>Hangfire's recurring-job registry, recorded instead of stored.</summary>
internal sealed class RecordingRecurringJobManager : IRecurringJobManager
{
    public Dictionary<string, (Job Job, string Cron, RecurringJobOptions Options)> Jobs { get; } = [];

    public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) =>
        Jobs[recurringJobId] = (job, cronExpression, options);

    public void Trigger(string recurringJobId) => throw new NotSupportedException();

    public void RemoveIfExists(string recurringJobId) => Jobs.Remove(recurringJobId);
}
