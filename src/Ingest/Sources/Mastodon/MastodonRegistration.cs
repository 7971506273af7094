using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Ingest;
using SocialWatch.Ingest.Http;

namespace SocialWatch.Ingest.Sources.Mastodon;

public static class MastodonRegistration
{
    /// <summary>Registers the Mastodon source when <c>Sources:Mastodon:Enabled</c> is true; otherwise does nothing.</summary>
    public static IServiceCollection AddMastodonSource(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration.GetSection(MastodonOptions.SectionName).Get<MastodonOptions>() ?? new MastodonOptions();
        if (!configured.Enabled)
        {
            return services;
        }

        services.AddOptions<MastodonOptions>().BindConfiguration(MastodonOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSourceHttpClient<MastodonClient, MastodonOptions>(MastodonClient.SourceName, MastodonClient.RateLimits)
            .ConfigureHttpClient((sp, http) =>
            {
                if (sp.GetRequiredService<IOptions<MastodonOptions>>().Value.AccessToken is { Length: > 0 } token)
                {
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }
            });
        services.AddTransient<IMentionSource, MastodonMentionSource>();

        // Lookups go to each status's own server, so this client carries no default credentials.
        services.AddSourceHttpClient<MastodonStatusClient, MastodonOptions>(MastodonClient.SourceName, MastodonClient.RateLimits);
        services.AddTransient<IEngagementSource, MastodonEngagementSource>();
        return services;
    }
}
