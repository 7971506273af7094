using System.Collections.Concurrent;
using SocialWatch.Core.Scoring;
using SocialWatch.Scoring.Features;
using SocialWatch.Scoring.Models;

namespace SocialWatch.Scoring.Runtime;

/// <summary>
/// The serving scorer: featurises and scores a batch in parallel with the weights of the loaded models.
/// Thread-safe: the loaded model is immutable and each worker uses its own scratch buffers. A promoted model is
/// swapped in with <see cref="Reload"/> without stopping callers; a batch in flight finishes on the model it started with.
/// </summary>
public sealed class MentionScorer : IMentionScorer
{
    /// <summary>Below this many mentions a batch runs on the calling thread: fan-out costs more than it saves.</summary>
    private const int ParallelThreshold = 512;
    private const int ChunkSize = 1024;

    private readonly ConcurrentBag<FeatureScratch> _scratch = [];
    private volatile ScoringModel _model;
    private volatile string _directory;

    internal MentionScorer(ScoringModel model, string directory)
    {
        _model = model;
        _directory = directory;
    }

    /// <summary>The model directory this scorer loaded its models from (the shipped one, or a promoted version's cache).</summary>
    public string Directory => _directory;

    public string ModelVersion => _model.Version;

    internal ScoringModel Model => _model;

    /// <summary>Loads the models in <paramref name="modelDirectory"/>; throws <see cref="ModelNotFoundException"/> when absent.</summary>
    public static MentionScorer Load(string modelDirectory) => new(ScoringModel.Load(modelDirectory), modelDirectory);

    /// <summary>Reloads the models from <see cref="Directory"/>, e.g. after a promotion.</summary>
    public void Reload() => _model = ScoringModel.Load(Directory);

    /// <summary>Serves <paramref name="model"/>, loaded from <paramref name="directory"/>, from the next batch on.</summary>
    internal void Use(ScoringModel model, string directory)
    {
        _directory = directory;
        _model = model;
    }

    public IReadOnlyList<MentionScore> Score(IReadOnlyList<ScoringInput> inputs)
    {
        var model = _model;
        var results = new MentionScore[inputs.Count];
        if (inputs.Count < ParallelThreshold)
        {
            var scratch = Rent();
            for (var i = 0; i < inputs.Count; i++)
            {
                results[i] = model.Score(inputs[i], scratch);
            }

            _scratch.Add(scratch);
            return results;
        }

        Parallel.ForEach(
            Partitioner.Create(0, inputs.Count, ChunkSize),
            Rent,
            (range, _, scratch) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    results[i] = model.Score(inputs[i], scratch);
                }

                return scratch;
            },
            _scratch.Add);
        return results;
    }

    private FeatureScratch Rent() => _scratch.TryTake(out var s) ? s : new FeatureScratch();
}
