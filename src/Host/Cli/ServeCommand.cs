using Microsoft.Extensions.Options;
using SocialWatch.Host.Composition;

namespace SocialWatch.Host.Cli;

/// <summary>`serve` (the default verb): web UI, API and Hangfire server.</summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = SocialWatchApp.CreateBuilder(args);
        var keyRing = builder.Configuration.GetSection(DataProtectionKeyOptions.SectionName).Get<DataProtectionKeyOptions>() ?? new DataProtectionKeyOptions();
        var keyRingCheck = new DataProtectionKeyOptionsValidator(builder.Environment, builder.Configuration);
        var errors = ConfigurationCheck.Validate(builder.Configuration).Concat(keyRingCheck.Validate(null, keyRing).Failures ?? []).ToList();
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
            if (builder.Environment.IsProduction() && DataProtectionKeyOptionsValidator.Unencrypted(keyRing) && !keyRing.AllowUnencryptedKeys)
            {
                HostLog.KeyRingUnencrypted(app.Logger);
            }

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
