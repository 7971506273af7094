using Microsoft.Extensions.Configuration;

namespace SocialWatch.Host.Composition;

/// <summary>
/// Checks the settings a host cannot start without, before anything is built, so that a wrong provider
/// name or a missing connection string stops start-up with one clear line instead of a stack trace.
/// </summary>
internal static class ConfigurationCheck
{
    public static IReadOnlyList<string> Validate(IConfiguration configuration)
    {
        var errors = new List<string>();
        errors.AddRange(SocialWatch.Storage.StorageConfiguration.Validate(configuration));

        var hangfire = configuration[$"{HangfireOptions.SectionName}:Storage"];
        if (!string.IsNullOrWhiteSpace(hangfire))
        {
            if (!Enum.TryParse<HangfireStorageKind>(hangfire, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                errors.Add($"Hangfire:Storage '{hangfire}' is not supported; use InMemory, PostgreSql or SqlServer.");
            }
            else if (kind != HangfireStorageKind.InMemory && string.IsNullOrWhiteSpace(HangfireConnectionString(configuration)))
            {
                errors.Add($"Hangfire:Storage is {kind} but neither ConnectionStrings:Hangfire nor ConnectionStrings:SocialWatch is set.");
            }
        }

        return errors;
    }

    /// <summary>Hangfire may have its own database; by default it shares the SocialWatch one.</summary>
    public static string? HangfireConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Hangfire") is { Length: > 0 } own ? own : configuration.GetConnectionString("SocialWatch");
}
