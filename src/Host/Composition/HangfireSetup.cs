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

        services.AddHangfire((provider, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            switch (options.Storage)
            {
                case HangfireStorageKind.InMemory:
                    config.UseInMemoryStorage();
                    break;
                case HangfireStorageKind.PostgreSql:
                    config.UsePostgreSqlStorage(
                        o => o.UseNpgsqlConnection(ConfigurationCheck.HangfireConnectionString(configuration)),
                        new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(1) });
                    break;
                case HangfireStorageKind.SqlServer:
                    config.UseSqlServerStorage(
                        ConfigurationCheck.HangfireConnectionString(configuration),
                        new SqlServerStorageOptions { PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(1) });
                    break;
                default:
                    throw new InvalidOperationException($"Hangfire storage {options.Storage} is not supported.");
            }
        });

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
}
