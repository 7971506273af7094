using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Core.Ingest;

namespace SocialWatch.Ingest.Sources.Demo;

public static class DemoRegistration
{
    /// <summary>Registers the demo source only when <c>Sources:Demo:Enabled</c> is true.</summary>
    public static IServiceCollection AddDemoSource(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration.GetSection(DemoOptions.SectionName).Get<DemoOptions>() ?? new DemoOptions();
        if (!configured.Enabled)
        {
            return services;
        }

        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DemoSimulator>();
        services.AddTransient<DemoMentionSource>();
        services.AddTransient<IMentionSource>(sp => sp.GetRequiredService<DemoMentionSource>());
        services.AddTransient<IEngagementSource>(sp => sp.GetRequiredService<DemoMentionSource>());
        return services;
    }
}
