using Microsoft.ML;
using Microsoft.ML.Data;
using SocialWatch.Scoring.Data;
using SocialWatch.Scoring.Features;
using SocialWatch.Scoring.Training;
using SocialWatch.Scoring.Models;
namespace SocialWatch.Scoring.Tests;
[TestClass]
public sealed class ScratchTests
{
    [TestMethod]
    public void Dump()
    {
        var d = SharedDatasets.Load("/work/shared/data", 3000);
        var rows = d.Train.Where(r => r.Sentiment != null).ToList();
        var scratch = new FeatureScratch();
        var bits = 16;
        var dim = ScoringModel.Dimension(bits);
        var srows = rows.Select(r => new SentimentRow { Features = FeatureVectors.Build(r.Text, bits, scratch), Label = (uint)r.Sentiment!.Value + 1, Weight = 1 }).ToList();
        var ml = new MLContext(1);
        var schema = SchemaDefinition.Create(typeof(SentimentRow));
        schema["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dim);
        schema["Label"].ColumnType = new KeyDataViewType(typeof(uint), 3);
        var data = ml.Data.LoadFromEnumerable(srows, schema);
        var preview = data.GetColumn<uint>("Label").Take(10).ToArray();
        Console.WriteLine(string.Join(",", preview) + " | " + string.Join(",", srows.Take(10).Select(r => r.Label)));
        var f0 = data.GetColumn<VBuffer<float>>("Features").First();
        Console.WriteLine($"{f0.GetValues().Length} vs {srows[0].Features.GetValues().Length}; {string.Join(",", f0.GetIndices().ToArray().Take(5))} vs {string.Join(",", srows[0].Features.GetIndices().ToArray().Take(5))}");
        foreach (var (name, est) in new (string, IEstimator<ITransformer>)[] {
            ("lbfgs", ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy("Label", "Features")),
            ("lbfgs-w", ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy("Label", "Features", "Weight")),
            ("sdca", ml.MulticlassClassification.Trainers.SdcaMaximumEntropy("Label", "Features")) })
        {
            var m = est.Fit(data);
            var metrics = ml.MulticlassClassification.Evaluate(m.Transform(data), "Label");
            Console.WriteLine($"{name}: in-sample acc {metrics.MicroAccuracy:0.000} logloss {metrics.LogLoss:0.000}");
        }
    }
}
