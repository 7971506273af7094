using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Tests.Storage;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Storage;
using SocialWatch.Storage;

namespace SocialWatch.Alerts.Tests.WorkflowStorage;

/// <summary>
/// Base of the workflow store contracts: the storage contract's prepared database, with the services resolved the
/// way Host gets them (AddSocialWatchStorage + AddSocialWatchAlerts) on a fake clock.
/// </summary>
public abstract class WorkflowStoreContract : StoreContract
{
    private ServiceProvider? _workflow;

    protected IServiceProvider Workflow => _workflow ?? throw new InvalidOperationException("The database is not open.");

    protected T Resolve<T>()
        where T : notnull => Workflow.GetRequiredService<T>();

    [TestInitialize]
    public void OpenWorkflowServices() => _workflow = WorkflowServices.Build(Database.Provider.ToString(), Database.ConnectionString, Time);

    [TestCleanup]
    public async Task CloseWorkflowServicesAsync()
    {
        if (_workflow is not null)
        {
            await _workflow.DisposeAsync();
        }
    }

    protected async Task<long> StoreMentionAsync(string externalId, string authorId = "u-1", DateTimeOffset? createdAt = null, string brand = "acme")
    {
        var result = await Resolve<IMentionStore>().StoreBatchAsync(
            new IngestBatch("q-" + externalId, [TestMentions.Scored(externalId, brand: brand, createdAt: createdAt, authorId: authorId)], "c", null), None);
        return result.Inserted[0].Id;
    }

    protected Task<Alert> CreateAlertAsync(long? mentionId = null, string team = "care", string brand = "acme") =>
        Resolve<IAlertStore>().CreateAsync(
            new NewAlert
            {
                Kind = AlertKind.Mention,
                MentionId = mentionId,
                Brand = brand,
                Team = team,
                Priority = AlertPriority.Normal,
                Title = "@handle: quoted text",
                CreatedAt = Time.GetUtcNow(),
                FirstResponseDueAt = Time.GetUtcNow().AddHours(1),
                ResolveDueAt = Time.GetUtcNow().AddHours(8),
                Actor = "routing",
            },
            None);
}

internal static class WorkflowServices
{
    public static ServiceProvider Build(string provider, string connectionString, TimeProvider time, IDictionary<string, string?>? extra = null, Action<IServiceCollection>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["ConnectionStrings:SocialWatch"] = connectionString,
            ["Brands:0:Name"] = "acme",
            ["Brands:0:Retention"] = "30.00:00:00",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(time);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton<IEmailSender, RecordingEmailSender>();
        services.AddSocialWatchStorage(configuration);
        services.AddSocialWatchAlerts(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}

internal sealed class RecordingEmailSender : IEmailSender
{
    public List<EmailMessage> Sent { get; } = [];

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Sent.Add(message);
        return Task.CompletedTask;
    }
}
