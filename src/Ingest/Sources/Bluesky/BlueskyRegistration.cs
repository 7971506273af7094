using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Ingest;
using SocialWatch.Ingest.Http;
using SocialWatch.Ingest.Jobs;

namespace SocialWatch.Ingest.Sources.Bluesky;

public static class BlueskyRegistration
{
    /// <summary>
    /// Registers the Jetstream consumer and the AppView look-ups (authors' reach, the watch list's engagement refresh)
    /// when <c>Sources:Bluesky:Enabled</c> is true; otherwise does nothing. It is a stream, not a polled query, so it adds
    /// no <c>IMentionSource</c>; <see cref="AddBlueskyWorker"/> runs it.
    /// </summary>
    public static IServiceCollection AddBlueskySource(this IServiceCollection services, IConfiguration configuration)
    {
        if (!IsEnabled(configuration))
        {
            return services;
        }

        services.AddOptions<BlueskyOptions>().BindConfiguration(BlueskyOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.JetstreamUrls.TrueForAll(BlueskyOptions.IsWebSocketUri), "Sources:Bluesky:JetstreamUrls must be absolute ws:// or wss:// URLs.")
            .Validate(o => o.ReconnectMaxDelay >= o.ReconnectBaseDelay, "Sources:Bluesky:ReconnectMaxDelay must not be below ReconnectBaseDelay.")
            .ValidateOnStart();
        services.AddSourceHttpClient<BlueskyAppViewClient, BlueskyOptions>(JetstreamEvents.SourceName, BlueskyAppViewClient.RateLimits);
        services.TryAddSingleton<BlueskyProfiles>();
        services.AddTransient<IEngagementSource, BlueskyEngagementSource>();
        services.TryAddSingleton<JetstreamStats>();
        services.TryAddSingleton<BrandMatcherCache>();
        services.TryAddTransient<BlueskyBackfill>();
        services.TryAddTransient<JetstreamConsumer>();
        services.TryAddSingleton<IStreamLease>(sp => sp.GetService<JobStorage>() is { } storage
            ? new HangfireStreamLease(storage, sp.GetRequiredService<TimeProvider>())
            : new ProcessStreamLease(sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>The long-lived consumer, for hosts that run background work; it consumes on one host at a time.</summary>
    public static IServiceCollection AddBlueskyWorker(this IServiceCollection services, IConfiguration configuration)
    {
        if (IsEnabled(configuration))
        {
            services.AddSingleton<BlueskyStreamWorker>();
            services.AddHostedService(sp => sp.GetRequiredService<BlueskyStreamWorker>());
        }

        return services;
    }

    private static bool IsEnabled(IConfiguration configuration) =>
        (configuration.GetSection(BlueskyOptions.SectionName).Get<BlueskyOptions>() ?? new BlueskyOptions()).Enabled;
}
