using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocialWatch.Core.Scoring;
using SocialWatch.Scoring.Models;
using SocialWatch.Scoring.Tests.Support;

namespace SocialWatch.Scoring.Tests;

[TestClass]
public sealed class ModelSeedTests
{
    [TestMethod]
    public void AddSocialWatchScoring_CopiesTheSeedModel_IntoAnEmptyModelDirectory_AndRetrainsWriteBesideIt()
    {
        var volume = Directory.CreateTempSubdirectory("sw-seed-").FullName;
        var current = Path.Combine(volume, "models", "current");
        using var provider = Build(current, TrainedModelFixture.ModelDirectory);

        var scorer = provider.GetRequiredService<IMentionScorer>();
        var repository = provider.GetRequiredService<ModelRepository>();

        Assert.AreEqual(ModelFiles.Read<ModelManifest>(TrainedModelFixture.ModelDirectory, ModelFiles.Manifest).Version, scorer.ModelVersion);
        Assert.IsTrue(File.Exists(Path.Combine(current, ModelFiles.Manifest)));
        Assert.StartsWith(Path.Combine(volume, "models") + Path.DirectorySeparatorChar, repository.NewCandidateDirectory());
        Assert.IsEmpty(Directory.GetDirectories(Path.Combine(volume, "models"), ".seed-*"), "The staging copy was left behind.");
    }

    [TestMethod]
    public void CopyIfMissing_LeavesAModelDirectoryThatHoldsAModelAlone()
    {
        var volume = Directory.CreateTempSubdirectory("sw-seed-").FullName;
        var current = Path.Combine(volume, "current");
        Directory.CreateDirectory(current);
        foreach (var file in Directory.GetFiles(TrainedModelFixture.ModelDirectory))
        {
            File.Copy(file, Path.Combine(current, Path.GetFileName(file)));
        }

        var seed = Path.Combine(volume, "seed");
        Directory.CreateDirectory(seed);
        File.Copy(Path.Combine(current, ModelFiles.Manifest), Path.Combine(seed, ModelFiles.Manifest));
        File.WriteAllText(Path.Combine(seed, "marker.txt"), "seed");

        var copied = ModelSeed.CopyIfMissing(current, seed);

        Assert.IsFalse(copied);
        Assert.IsFalse(File.Exists(Path.Combine(current, "marker.txt")));
    }

    [TestMethod]
    public void CopyIfMissing_FillsAnEmptyMountedFolder()
    {
        var volume = Directory.CreateTempSubdirectory("sw-seed-").FullName;
        var current = Path.Combine(volume, "current");
        Directory.CreateDirectory(current);

        var copied = ModelSeed.CopyIfMissing(current, TrainedModelFixture.ModelDirectory);

        Assert.IsTrue(copied);
        CollectionAssert.AreEquivalent(
            Directory.GetFiles(TrainedModelFixture.ModelDirectory).Select(Path.GetFileName).ToList(),
            Directory.GetFiles(current).Select(Path.GetFileName).ToList());
    }

    private static ServiceProvider Build(string modelDirectory, string seedDirectory)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Scoring:ModelDirectory"] = modelDirectory,
                ["Scoring:SeedModelDirectory"] = seedDirectory,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSocialWatchScoring(configuration);
        return services.BuildServiceProvider();
    }
}
