using System.CommandLine;
using SocialWatch.Core.Storage;
using SocialWatch.Host.Composition;
using SocialWatch.Storage;

namespace SocialWatch.Host.Cli;

/// <summary>`migrate`: applies the configured dialect's pending migration scripts and exits.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply schema migrations for the configured storage.");
        command.SetAction(async (_, cancellationToken) =>
        {
            var builder = SocialWatchApp.CreateBuilder([]);
            var errors = ConfigurationCheck.Validate(builder.Configuration);
            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    await Console.Error.WriteLineAsync($"socialwatch: configuration error: {error}");
                }

                return 2;
            }

            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton<IConfiguration>(builder.Configuration);
            services.AddSocialWatchStorage(builder.Configuration);
            await using var provider = services.BuildServiceProvider();
            var maintenance = provider.GetRequiredService<IStorageMaintenance>();
            var applied = await maintenance.MigrateAsync(cancellationToken);
            Console.WriteLine(applied.Count == 0
                ? $"{maintenance.Provider}: schema is up to date."
                : $"{maintenance.Provider}: applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return 0;
        });
        return command;
    }
}
