using Microsoft.Extensions.Options;
using SocialWatch.Host.Composition;

namespace SocialWatch.Host.Cli;

/// <summary>`serve` (the default verb): web UI, API and Hangfire server.</summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = SocialWatchApp.CreateBuilder(args);
        var errors = ConfigurationCheck.Validate(builder.Configuration);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync($"socialwatch: configuration error: {error}");
            }

            return 2;
        }

        SocialWatchApp.AddServices(builder);
        try
        {
            await using var app = builder.Build();
            await SocialWatchApp.ConfigureAsync(app);
            await app.RunAsync();
            return 0;
        }
        catch (StartupRefusedException ex)
        {
            await Console.Error.WriteLineAsync($"socialwatch: start-up refused: {ex.Message}");
            return 2;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"socialwatch: configuration error: {string.Join(" ", ex.Failures)}");
            return 2;
        }
    }
}
