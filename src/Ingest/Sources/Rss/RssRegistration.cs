using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Core.Ingest;
using SocialWatch.Ingest.Http;

namespace SocialWatch.Ingest.Sources.Rss;

public static class RssRegistration
{
    /// <summary>Registers the feed source when <c>Sources:Rss</c> is enabled and lists at least one feed; otherwise does nothing.</summary>
    public static IServiceCollection AddRssSource(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration.GetSection(RssOptions.SectionName).Get<RssOptions>() ?? new RssOptions();
        if (!configured.Enabled || configured.Feeds.Count == 0)
        {
            return services;
        }

        services.AddOptions<RssOptions>().BindConfiguration(RssOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSourceHttpClient<RssClient, RssOptions>(RssClient.SourceName, RssClient.RateLimits)
            .ConfigureHttpClient(http => http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "SocialWatch feed reader"));
        services.AddTransient<IMentionSource, RssMentionSource>();
        return services;
    }
}
