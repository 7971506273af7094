using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Ingest;
using SocialWatch.Ingest.Http;

namespace SocialWatch.Ingest.Sources.Reddit;

public static class RedditRegistration
{
    /// <summary>Registers the Reddit source when <c>Sources:Reddit</c> is enabled and has a client id and secret; otherwise does nothing.</summary>
    public static IServiceCollection AddRedditSource(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration.GetSection(RedditOptions.SectionName).Get<RedditOptions>() ?? new RedditOptions();
        if (!configured.Enabled || string.IsNullOrWhiteSpace(configured.ClientId) || string.IsNullOrWhiteSpace(configured.ClientSecret))
        {
            return services;
        }

        services.AddOptions<RedditOptions>().BindConfiguration(RedditOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RedditTokenCache>();
        services.AddSourceHttpClient<RedditTokenClient, RedditOptions>("reddit-token", RedditClient.RateLimits).ConfigureHttpClient(SetUserAgent);
        services.AddSourceHttpClient<RedditClient, RedditOptions>(RedditClient.SourceName, RedditClient.RateLimits).ConfigureHttpClient(SetUserAgent);
        services.AddTransient<RedditMentionSource>();
        services.AddTransient<IMentionSource>(sp => sp.GetRequiredService<RedditMentionSource>());
        services.AddTransient<IEngagementSource>(sp => sp.GetRequiredService<RedditMentionSource>());
        return services;
    }

    private static void SetUserAgent(IServiceProvider services, HttpClient http) =>
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", services.GetRequiredService<IOptions<RedditOptions>>().Value.UserAgent);
}
