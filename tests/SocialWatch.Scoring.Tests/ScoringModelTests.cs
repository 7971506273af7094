using Microsoft.ML;
using Microsoft.ML.Data;
using SocialWatch.Scoring.Features;
using SocialWatch.Scoring.Models;
using SocialWatch.Scoring.Tests.Support;
using SocialWatch.Scoring.Training;

namespace SocialWatch.Scoring.Tests;

[TestClass]
public sealed class ScoringModelTests
{
    private static readonly string[] s_texts =
    [
        "@acme 3 hours on hold, again", "I love this, it is wonderful", "the store opens at nine tomorrow",
        "WORST service ever!!! my lawyer will hear about this", "meh", "🙂 ok", "refund please https://x.example/a",
        "rude staff and a terrible attitude, never again", "thank you so much", "broken broken broken",
    ];

    [TestMethod]
    public void Predict_MatchesMlNetTransform_OnTheSavedModels()
    {
        var directory = TrainedModelFixture.ModelDirectory;
        var model = ScoringModel.Load(directory);
        var ml = new MLContext(seed: 1);
        var dimension = ScoringModel.Dimension(model.HashBits);
        var scratch = new FeatureScratch();
        var rows = s_texts.Select(t => new SentimentRow { Features = FeatureVectors.Build(t, model.HashBits, scratch), Label = 1, Weight = 1 }).ToList();
        var schema = SchemaDefinition.Create(typeof(SentimentRow));
        schema[nameof(SentimentRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        schema[nameof(SentimentRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), 3);
        var data = ml.Data.LoadFromEnumerable(rows, schema);

        var sentiment = ml.Model.Load(Path.Combine(directory, ModelFiles.Sentiment), out _).Transform(data);
        var sentimentScores = sentiment.GetColumn<VBuffer<float>>("Score").Select(v => v.DenseValues().ToArray()).ToArray();
        var complaint = ml.Model.Load(Path.Combine(directory, ModelFiles.Complaint), out _).Transform(data);
        var complaintProbabilities = complaint.GetColumn<float>("Probability").ToArray();

        for (var i = 0; i < s_texts.Length; i++)
        {
            TextFeaturizer.Featurize(s_texts[i], model.HashBits, scratch);
            var (neg, neu, pos, p) = model.Predict(scratch);
            Assert.AreEqual(sentimentScores[i][0], neg, 1e-4, s_texts[i]);
            Assert.AreEqual(sentimentScores[i][1], neu, 1e-4, s_texts[i]);
            Assert.AreEqual(sentimentScores[i][2], pos, 1e-4, s_texts[i]);
            Assert.AreEqual(complaintProbabilities[i], p, 1e-4, s_texts[i]);
        }
    }
}
