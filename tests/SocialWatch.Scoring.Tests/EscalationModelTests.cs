using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Scoring.Features;
using SocialWatch.Scoring.Models;

namespace SocialWatch.Scoring.Tests;

[TestClass]
public sealed class EscalationModelTests
{
    private static EscalationScore Score(ScoringInput input, float negative = 0.8f, float complaint = 0.9f) =>
        Score(EscalationModel.Defaults(), input, negative, complaint);

    private static EscalationScore Score(EscalationModel model, ScoringInput input, float negative = 0.8f, float complaint = 0.9f)
    {
        var scratch = new FeatureScratch();
        TextFeaturizer.Featurize(input.Text, 12, scratch);
        var cues = scratch.Cues;
        return model.Score(in cues, negative, complaint, input);
    }

    private static List<string> Texts(EscalationScore score) => [.. score.Reasons.Select(r => r.Text)];

    private static Reason ReasonWithCode(EscalationScore score, string code) =>
        score.Reasons.Single(r => r.Code == code);

    [TestMethod]
    public void Score_PlainComplaintFromSmallAccount_IsLow()
    {
        var score = Score(new ScoringInput("@acme my parcel is late") { Author = new MentionAuthor("1", "a", null, 80, false) });

        Assert.AreEqual(EscalationLevel.Low, score.Level);
    }

    [TestMethod]
    public void Score_LegalThreat_IsGivenAsReason_AndRaisesTheLevel()
    {
        var score = Score(new ScoringInput("@acme my lawyer will be in touch, see you in court"));

        CollectionAssert.Contains(Texts(score), "legal threat");
        Assert.IsGreaterThanOrEqualTo((int)EscalationLevel.High, (int)score.Level);
    }

    [TestMethod]
    public void Score_SafetyIssue_IsGivenAsReason()
    {
        var score = Score(new ScoringInput("@acme the charger caught fire next to my bed"));

        CollectionAssert.Contains(Texts(score), "safety issue");
    }

    [TestMethod]
    public void Score_BlameOnStaff_IsGivenAsReason()
    {
        var score = Score(new ScoringInput("@acme your staff were rude and the manager blamed me"));

        CollectionAssert.Contains(Texts(score), "blames staff");
    }

    [TestMethod]
    public void Score_ReachAndVelocity_AreGivenAsReasons_AndMakeItCritical()
    {
        var input = new ScoringInput("@acme 3 hours on hold, again")
        {
            Author = new MentionAuthor("1", "loud", null, 120_000, true),
            Metrics = new EngagementMetrics(4000, 900, 100, 50),
            Velocity = new EngagementVelocity(600, 2000, TimeSpan.FromMinutes(10)),
        };

        var score = Score(input);

        CollectionAssert.Contains(Texts(score), "author reach 120k");
        CollectionAssert.Contains(Texts(score), "reposts doubling every 10 min");
        Assert.AreEqual(EscalationLevel.Critical, score.Level);
    }

    [TestMethod]
    public void Score_AuthorsThirdComplaintThisWeek_IsGivenAsReason()
    {
        var input = new ScoringInput("@acme still nothing") { History = new AuthorHistory(2, 4, 0) };

        var score = Score(input);

        CollectionAssert.Contains(Texts(score), "third complaint this week");
    }

    [TestMethod]
    public void Score_StaysBetweenZeroAndOne_AndListsAtMostFourReasons()
    {
        var input = new ScoringInput("RACIST staff, FRAUD, my lawyer, food poisoning, going to the press, cancelling!!! fuck")
        {
            Author = new MentionAuthor("1", "x", null, 5_000_000, true),
            Metrics = new EngagementMetrics(100_000, 50_000, 1000, 1000),
            Velocity = new EngagementVelocity(10_000, 50_000, TimeSpan.FromMinutes(2)),
            History = new AuthorHistory(10, 30, 0),
        };

        var score = Score(input, 1f, 1f);

        Assert.IsTrue(score.Score is > 0f and <= 1f);
        Assert.HasCount(4, score.Reasons);
    }

    [TestMethod]
    public void Defaults_SurviveTheRoundTripThroughTheModelFile()
    {
        var defaults = EscalationModel.Defaults();

        var copy = EscalationModel.FromFile(defaults.ToFile());

        Assert.AreEqual(defaults.Bias, copy.Bias);
        CollectionAssert.AreEqual(defaults.Weights, copy.Weights);
    }

    [TestMethod]
    public void Score_ComplaintAndTone_KeepThePercentageOutOfTheText_AndInTheStrength()
    {
        var input = new ScoringInput("@acme my parcel is late, again");

        var sure = Score(input, negative: 0.9f, complaint: 0.96f);
        var unsure = Score(input, negative: 0.62f, complaint: 0.62f);

        Assert.AreEqual(new Reason(ReasonCodes.Complaint, "complaint", 0.96f), ReasonWithCode(sure, ReasonCodes.Complaint));
        Assert.AreEqual(new Reason(ReasonCodes.Complaint, "complaint", 0.62f), ReasonWithCode(unsure, ReasonCodes.Complaint));
        Assert.AreEqual("negative tone", ReasonWithCode(sure, ReasonCodes.NegativeTone).Text);
        Assert.AreEqual(0.62f, ReasonWithCode(unsure, ReasonCodes.NegativeTone).Strength, 1e-6f);
        Assert.IsFalse(sure.Reasons.Concat(unsure.Reasons).Any(r => r.Text.Contains('%', StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Score_DoublingReposts_IsASpreadingReasonWithTheFigureInTheText()
    {
        var input = new ScoringInput("@acme 3 hours on hold, again")
        {
            Velocity = new EngagementVelocity(600, 2000, TimeSpan.FromMinutes(30)),
        };

        var score = Score(input);

        // Doubling every 4 h counts nothing, every 15 min or faster in full: 30 min is three of the four halvings.
        var reason = ReasonWithCode(score, ReasonCodes.RepostsDoubling);
        Assert.AreEqual("reposts doubling every 30 min", reason.Text);
        Assert.AreEqual(0.75f, reason.Strength, 1e-5f);
    }

    [TestMethod]
    public void Score_WatchedPost_SaysWhatItGainedInTheWindow()
    {
        var input = new ScoringInput("@acme my parcel is late, again")
        {
            Metrics = new EngagementMetrics(4000, 900, 100, 0),
            Velocity = new EngagementVelocity(10, 2400, null) { Window = TimeSpan.FromMinutes(30) },
        };

        var score = Score(input);

        Assert.AreEqual("1.2k interactions in 30 min", ReasonWithCode(score, ReasonCodes.InteractionsInWindow).Text);
        Assert.IsFalse(score.Reasons.Any(r => r.Code == ReasonCodes.Engagement));
    }

    [TestMethod]
    public void Score_PostSeenOnce_ShowsItsTotalEngagement()
    {
        var input = new ScoringInput("@acme my parcel is late, again") { Metrics = new EngagementMetrics(4000, 900, 100, 0) };

        var score = Score(input);

        Assert.AreEqual("engagement 5k", ReasonWithCode(score, ReasonCodes.Engagement).Text);
    }

    [TestMethod]
    public void Score_RepeatsAPhrase_WithoutBuildingItAgain()
    {
        var model = EscalationModel.Defaults();
        var input = new ScoringInput("@acme 3 hours on hold, again") { Author = new MentionAuthor("1", "loud", null, 120_000, true) };

        var first = ReasonWithCode(Score(model, input), ReasonCodes.AuthorReach);
        var second = ReasonWithCode(Score(model, input), ReasonCodes.AuthorReach);

        Assert.AreSame(first.Text, second.Text);
    }

    [TestMethod]
    public void Score_FromManyThreadsAtOnce_GivesEachInputTheSameReasonsAsAlone()
    {
        var model = EscalationModel.Defaults();
        var inputs = Enumerable.Range(0, 400).Select(i => new ScoringInput("@acme my lawyer will hear of this")
        {
            Author = new MentionAuthor("1", "loud", null, 1_000L * (i + 1) * (i + 1), true),
            Metrics = new EngagementMetrics(40 * i, 9 * i, i, 0),
            Velocity = new EngagementVelocity(i, 50.0 * i, TimeSpan.FromMinutes(15 + (i % 60))) { Window = TimeSpan.FromMinutes(2 + (i % 90)) },
        }).ToList();
        var alone = inputs.Select(i => Texts(Score(EscalationModel.Defaults(), i))).ToList();

        var together = new List<string>[inputs.Count];
        Parallel.For(0, inputs.Count * 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, n =>
        {
            var k = n % inputs.Count;
            together[k] = Texts(Score(model, inputs[k]));
        });

        for (var k = 0; k < inputs.Count; k++)
        {
            CollectionAssert.AreEqual(alone[k], together[k], $"input {k}");
        }
    }

    [TestMethod]
    public void Score_ServingAllocatesOnlyTheScoreAndItsReasonArray()
    {
        var input = new ScoringInput("@acme my lawyer will hear of this, 3 hours on hold")
        {
            Author = new MentionAuthor("1", "loud", null, 120_000, true),
            Metrics = new EngagementMetrics(4000, 900, 100, 50),
            Velocity = new EngagementVelocity(600, 2400, TimeSpan.FromMinutes(10)) { Window = TimeSpan.FromMinutes(30) },
        };
        var scratch = new FeatureScratch();
        TextFeaturizer.Featurize(input.Text, 12, scratch);
        var cues = scratch.Cues;
        var model = EscalationModel.Defaults();
        var warm = model.Score(in cues, 0.8f, 0.9f, input);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var score = model.Score(in cues, 0.8f, 0.9f, input);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The record (about 40 bytes) and an array of four reasons (about 120): building even one phrase costs more.
        Assert.HasCount(4, score.Reasons);
        CollectionAssert.AreEqual(warm.Reasons.ToArray(), score.Reasons.ToArray());
        Assert.IsLessThanOrEqualTo(200L, allocated, $"{allocated} bytes");
    }
}
