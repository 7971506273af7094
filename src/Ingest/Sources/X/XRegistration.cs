using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Ingest;
using SocialWatch.Ingest.Http;

namespace SocialWatch.Ingest.Sources.X;

public static class XRegistration
{
    /// <summary>Registers the X source when <c>Sources:X</c> is enabled and has a bearer token; otherwise does nothing.</summary>
    public static IServiceCollection AddXSource(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration.GetSection(XOptions.SectionName).Get<XOptions>() ?? new XOptions();
        if (!configured.Enabled || string.IsNullOrWhiteSpace(configured.BearerToken))
        {
            return services;
        }

        services.AddOptions<XOptions>().BindConfiguration(XOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSourceHttpClient<XClient, XOptions>(XClient.SourceName, XClient.RateLimits, XClient.IsUsageCapAsync)
            .ConfigureHttpClient((sp, http) =>
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sp.GetRequiredService<IOptions<XOptions>>().Value.BearerToken));
        services.AddTransient<XMentionSource>();
        services.AddTransient<IMentionSource>(sp => sp.GetRequiredService<XMentionSource>());
        services.AddTransient<IEngagementSource>(sp => sp.GetRequiredService<XMentionSource>());
        return services;
    }
}
