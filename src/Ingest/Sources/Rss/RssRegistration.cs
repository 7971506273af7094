using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Core.Ingest;
using SocialWatch.Ingest.Http;

namespace SocialWatch.Ingest.Sources.Rss;

public static class RssRegistration
{
    /// <summary>
    /// Registers the feed source unless <c>Sources:Rss:Enabled</c> is false. Feeds come from <c>Sources:Rss:Feeds</c> and
    /// from each brand's own feeds (edited under Admin, Brands); with neither, the source has no queries to poll.
    /// </summary>
    public static IServiceCollection AddRssSource(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration.GetSection(RssOptions.SectionName).Get<RssOptions>() ?? new RssOptions();
        if (!configured.Enabled)
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
