using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;

namespace SocialWatch.Host.Composition;

/// <summary>Hangfire storage and server from configuration: in-memory on one machine, a shared database beyond it.</summary>
internal static class HangfireSetup
{
    public static IServiceCollection AddSocialWatchHangfire(this IServiceCollection services, IConfiguration configuration, SocialWatchHostOptions host)
    {
        var options = configuration.GetSection(HangfireOptions.SectionName).Get<HangfireOptions>() ?? new HangfireOptions();
        services.AddOptions<HangfireOptions>().BindConfiguration(HangfireOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // The storage is this host's own singleton, not Hangfire's process-wide JobStorage.Current, so every job
        // client, recurring-job manager and server of this host uses the storage this host configured.
        services.AddSingleton<JobStorage>(_ => CreateStorage(options.Storage, configuration));
        services.AddHangfire((provider, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(provider.GetRequiredService<JobStorage>()));

        if (host.Worker)
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = options.WorkerCount;
                o.SchedulePollingInterval = options.SchedulePollingInterval;
                o.ServerName = options.ServerName ?? $"{Environment.MachineName}:{Environment.ProcessId}";
                o.Queues = ["critical", "default", "digest"];
            });
        }

        return services;
    }

    private static JobStorage CreateStorage(HangfireStorageKind kind, IConfiguration configuration) => kind switch
    {
        HangfireStorageKind.InMemory => new Hangfire.InMemory.InMemoryStorage(),
        HangfireStorageKind.PostgreSql => CreatePostgreSqlStorage(ConfigurationCheck.HangfireConnectionString(configuration)!),
        HangfireStorageKind.SqlServer => new SqlServerStorage(
            ConfigurationCheck.HangfireConnectionString(configuration),
            new SqlServerStorageOptions { PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(1) }),
        _ => throw new InvalidOperationException($"Hangfire storage {kind} is not supported."),
    };

    private static PostgreSqlStorage CreatePostgreSqlStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(1) };
        return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, options), options);
    }
}
