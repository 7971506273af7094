using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialWatch.Core.Ingest;
using SocialWatch.Ingest.Jobs;
using SocialWatch.Ingest.Pipeline;
using SocialWatch.Ingest.Push;
using SocialWatch.Ingest.Sources.Bluesky;
using SocialWatch.Ingest.Sources.Demo;
using SocialWatch.Ingest.Sources.Mastodon;
using SocialWatch.Ingest.Sources.Reddit;
using SocialWatch.Ingest.Sources.Rss;
using SocialWatch.Ingest.Sources.X;
using SocialWatch.Ingest.Sources.YouTube;
using SocialWatch.Ingest.Watch;

namespace SocialWatch.Ingest;

public static class IngestRegistration
{
    /// <summary>
    /// Registers the sources whose configuration enables them, the mention pipeline, the ingest and refresh jobs and
    /// the scheduler. The host provides IBrandDirectory, IMentionScorer, IMentionStore, IIngestStateStore, IWatchListStore, IOperatorAlerts,
    /// any IMentionsStoredHandler, and Hangfire (IRecurringJobManager, JobStorage).
    /// </summary>
    public static IServiceCollection AddSocialWatchIngest(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WatchOptions>().BindConfiguration(WatchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddTransient<MentionNormalizer>();
        services.AddTransient<MentionPipeline>();
        services.AddTransient<WatchQueryCatalog>();
        services.AddTransient<IngestJob>();
        services.TryAddSingleton<IQueryRunGate>(sp =>
            sp.GetService<JobStorage>() is { } storage ? new HangfireQueryRunGate(storage) : new ProcessQueryRunGate());
        services.AddTransient<EngagementRefreshJob>();
        services.TryAddSingleton<WatchCadence>();
        services.AddTransient<WatchCostEstimator>();
        services.AddTransient<ReadSpendForecaster>();
        services.AddSingleton<VolumeChecks>();

        // Enumerable: routing (Alerts) registers its stored-handler beside this one.
        services.TryAddEnumerable(ServiceDescriptor.Transient<IMentionsStoredHandler, WatchListEnrolment>());
        services.AddTransient<HandOverRecoveryJob>();
        services.AddTransient<IngestScheduler>();
        services.AddTransient<MentionInputMapper>();
        services.AddTransient<MentionIntake>();
        services.AddTransient<MentionReplay>();

        // One line per source; each registers itself only when its configuration enables it.
        services.AddXSource(configuration);
        services.AddRedditSource(configuration);
        services.AddMastodonSource(configuration);
        services.AddRssSource(configuration);
        services.AddBlueskySource(configuration);
        services.AddYouTubeSource(configuration);
        services.AddDemoSource(configuration);
        return services;
    }

    /// <summary>
    /// The long-lived stream consumers (Bluesky's Jetstream), for hosts that run background work. Each holds a
    /// cluster-wide lease, so it consumes on one host at a time however many run it.
    /// </summary>
    public static IServiceCollection AddSocialWatchIngestWorkers(this IServiceCollection services, IConfiguration configuration) =>
        services.AddBlueskyWorker(configuration);
}
