using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Scoring;
using SocialWatch.Scoring.Models;
using SocialWatch.Scoring.Tests.Support;

namespace SocialWatch.Scoring.Tests;

[TestClass]
public sealed class ScoringRegistrationTests
{
    private static ServiceProvider Build(string modelDirectory)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Scoring:ModelDirectory"] = modelDirectory })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSocialWatchScoring(configuration);
        return services.BuildServiceProvider();
    }

    [TestMethod]
    public void AddSocialWatchScoring_ResolvesAScorer_ForTheConfiguredModelDirectory()
    {
        using var provider = Build(TrainedModelFixture.ModelDirectory);

        var scorer = provider.GetRequiredService<IMentionScorer>();

        Assert.AreEqual("v20260301-120000", scorer.ModelVersion);
        Assert.AreEqual(Path.GetFullPath(TrainedModelFixture.ModelDirectory), provider.GetRequiredService<Runtime.MentionScorer>().Directory);
        Assert.AreSame(scorer, provider.GetRequiredService<IMentionScorer>());
    }

    [TestMethod]
    public void AddSocialWatchScoring_FailsValidation_WithAClearMessage_WhenTheModelDirectoryIsMissing()
    {
        using var provider = Build("/no/such/models/current");

        var ex = Assert.ThrowsExactly<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ScoringOptions>>().Value);

        StringAssert.Contains(ex.Message, "holds no model");
        StringAssert.Contains(ex.Message, "train --out models/current");
    }
}
