using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Core.Ingest;
using SocialWatch.Ingest.Http;

namespace SocialWatch.Ingest.Sources.YouTube;

public static class YouTubeRegistration
{
    /// <summary>Registers the YouTube comments source when <c>Sources:YouTube</c> is enabled and has an API key; otherwise does nothing.</summary>
    public static IServiceCollection AddYouTubeSource(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration.GetSection(YouTubeOptions.SectionName).Get<YouTubeOptions>() ?? new YouTubeOptions();
        if (!configured.Enabled || string.IsNullOrWhiteSpace(configured.ApiKey))
        {
            return services;
        }

        services.AddOptions<YouTubeOptions>().BindConfiguration(YouTubeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddTransient<YouTubeQuota>();
        services.AddSourceHttpClient<YouTubeClient, YouTubeOptions>(YouTubeClient.SourceName, YouTubeClient.RateLimits);
        services.AddTransient<IMentionSource, YouTubeMentionSource>();
        services.AddTransient<IEngagementSource, YouTubeEngagementSource>();
        return services;
    }
}
