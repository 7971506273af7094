using Microsoft.Extensions.Options;
using SocialWatch.Core.Storage;
using SocialWatch.Host.Composition;

namespace SocialWatch.Host.Cli;

/// <summary>
/// The same services `serve` runs with, for verbs that push data through the pipeline (e.g. `replay`):
/// configuration checked, schema migrated, nothing listening and no background job started.
/// </summary>
internal static class CliServices
{
    public static IServiceProvider Create()
    {
        var builder = SocialWatchApp.CreateBuilder([]);
        var errors = ConfigurationCheck.Validate(builder.Configuration);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", errors));
        }

        SocialWatchApp.AddServices(builder);
        var app = builder.Build();
        if (app.Services.GetRequiredService<IOptions<SocialWatchHostOptions>>().Value.MigrateOnStart)
        {
            // A verb runs once and exits; blocking here keeps the verb's factory simple.
            app.Services.GetRequiredService<IStorageMaintenance>().MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        return app.Services;
    }
}
