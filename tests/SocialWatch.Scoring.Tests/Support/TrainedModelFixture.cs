using Microsoft.Extensions.Time.Testing;
using SocialWatch.Scoring.Training;

namespace SocialWatch.Scoring.Tests.Support;

/// <summary>One small model trained on <see cref="TinyData"/> and shared by the tests that only read it.</summary>
internal static class TrainedModelFixture
{
    private static readonly Lazy<(string DataDirectory, string ModelDirectory)> s_model = new(Train);

    public static string DataDirectory => s_model.Value.DataDirectory;

    public static string ModelDirectory => s_model.Value.ModelDirectory;

    public static TrainRequest SmallRequest(string dataDirectory, string outputDirectory) => new(outputDirectory)
    {
        DataDirectory = dataDirectory,
        HashBits = 12,
        MaxIterations = 60,
        L1Regularization = 0f,
        L2Regularization = 0.1f,
    };

    private static (string, string) Train()
    {
        var data = TinyData.Create();
        var output = Path.Combine(Path.GetTempPath(), "sw-model-" + Guid.NewGuid().ToString("N"));
        var trainer = new ModelTrainer(new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)));
        trainer.Train(SmallRequest(data, output), null, null, CancellationToken.None);
        return (data, output);
    }
}
