using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Scoring;
using SocialWatch.Scoring.Models;
using SocialWatch.Scoring.Retrain;
using SocialWatch.Scoring.Runtime;

namespace SocialWatch.Scoring;

public static class ScoringRegistration
{
    /// <summary>
    /// Registers the scorer (<see cref="IMentionScorer"/>, singleton, loaded from Scoring:ModelDirectory), the
    /// versioned <see cref="ModelRepository"/> and the <see cref="RetrainModelJob"/>. The retrain job needs an
    /// <c>IFeedbackStore</c> registered by the host.
    /// </summary>
    public static IServiceCollection AddSocialWatchScoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScoringOptions>()
            .Bind(configuration.GetSection(ScoringOptions.SectionName))
            .PostConfigure<IServiceProvider>(SeedModelDirectory)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScoringOptions>, ModelDirectoryValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var directory = ResolveModelDirectory(sp);
            var scorer = MentionScorer.Load(directory);
            ScoringLog.ModelsLoaded(sp.GetRequiredService<ILoggerFactory>().CreateLogger<MentionScorer>(), scorer.ModelVersion, directory);
            return scorer;
        });
        services.AddSingleton<IMentionScorer>(sp => sp.GetRequiredService<MentionScorer>());
        services.AddSingleton(sp => new ModelRepository(
            ResolveModelDirectory(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ModelRepository>>()));
        services.AddTransient<RetrainModelJob>();
        services.AddTransient<RollbackModel>();
        return services;
    }

    /// <summary>
    /// Runs where the options are first read, before they are validated and before anything loads a model, so the
    /// directory check and the scorer both see the seeded model.
    /// </summary>
    private static void SeedModelDirectory(ScoringOptions options, IServiceProvider services)
    {
        if (options.SeedModelDirectory is not { Length: > 0 } seed)
        {
            return;
        }

        var environment = services.GetService<IHostEnvironment>();
        var target = Resolve(options.ModelDirectory, environment);
        var source = Resolve(seed, environment);
        if (ModelSeed.CopyIfMissing(target, source))
        {
            ScoringLog.ModelSeeded(services.GetRequiredService<ILoggerFactory>().CreateLogger<ModelRepository>(), source, target);
        }
    }

    internal static string ResolveModelDirectory(IServiceProvider services) =>
        Resolve(services.GetRequiredService<IOptions<ScoringOptions>>().Value.ModelDirectory, services.GetService<IHostEnvironment>());

    internal static string Resolve(string directory, IHostEnvironment? environment) =>
        Path.GetFullPath(Path.IsPathRooted(directory)
            ? directory
            : Path.Combine(environment?.ContentRootPath ?? Directory.GetCurrentDirectory(), directory));

    /// <summary>Fails start-up with a message that says where the models were looked for and how to make them.</summary>
    private sealed class ModelDirectoryValidator(IServiceProvider services) : IValidateOptions<ScoringOptions>
    {
        public ValidateOptionsResult Validate(string? name, ScoringOptions options)
        {
            var resolved = Resolve(options.ModelDirectory, services.GetService<IHostEnvironment>());
            return File.Exists(Path.Combine(resolved, ModelFiles.Manifest))
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"Scoring:ModelDirectory '{options.ModelDirectory}' (resolved to '{resolved}') holds no model (manifest.json missing). " +
                    "Point it at a trained model directory, or train one with `train --out models/current`.");
        }
    }
}
