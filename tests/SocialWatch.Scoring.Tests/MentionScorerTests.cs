using SocialWatch.Core.Scoring;
using SocialWatch.Scoring.Models;
using SocialWatch.Scoring.Runtime;
using SocialWatch.Scoring.Tests.Support;

namespace SocialWatch.Scoring.Tests;

[TestClass]
public sealed class MentionScorerTests
{
    private static readonly string[] s_texts =
    [
        "@acme 3 hours on hold, again", "I love this, it is wonderful", "the store opens at nine tomorrow",
        "awful, still waiting for my refund", "thanks so much!!!", "", "🙂",
    ];

    [TestMethod]
    public void Score_ProbabilitiesSumToOne_AndStayInRange()
    {
        var scorer = MentionScorer.Load(TrainedModelFixture.ModelDirectory);

        var scores = scorer.Score(s_texts.Select(t => new ScoringInput(t)).ToList());

        foreach (var s in scores)
        {
            Assert.AreEqual(1f, s.Sentiment.Negative + s.Sentiment.Neutral + s.Sentiment.Positive, 1e-5f);
            Assert.IsTrue(s.Complaint is >= 0f and <= 1f);
            Assert.IsTrue(s.Escalation.Score is >= 0f and <= 1f);
            Assert.AreEqual(scorer.ModelVersion, s.ModelVersion);
        }
    }

    [TestMethod]
    public void Score_LargeBatchInParallel_EqualsScoringOneByOne_InTheSameOrder()
    {
        var scorer = MentionScorer.Load(TrainedModelFixture.ModelDirectory);
        var inputs = Enumerable.Range(0, 5000).Select(i => new ScoringInput($"{s_texts[i % s_texts.Length]} #{i}")).ToList();

        var batch = scorer.Score(inputs);
        var single = inputs.Select(i => scorer.Score([i])[0]).ToList();

        Assert.HasCount(inputs.Count, batch);
        for (var i = 0; i < inputs.Count; i++)
        {
            Assert.AreEqual(single[i].Sentiment, batch[i].Sentiment);
            Assert.AreEqual(single[i].Complaint, batch[i].Complaint);
            Assert.AreEqual(single[i].Escalation.Score, batch[i].Escalation.Score);
        }
    }

    [TestMethod]
    public void Load_MissingDirectory_FailsWithAClearMessage()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-model-" + Guid.NewGuid().ToString("N"));

        var ex = Assert.ThrowsExactly<ModelNotFoundException>(() => MentionScorer.Load(missing));

        StringAssert.Contains(ex.Message, "does not exist");
        StringAssert.Contains(ex.Message, "train --out");
    }
}
