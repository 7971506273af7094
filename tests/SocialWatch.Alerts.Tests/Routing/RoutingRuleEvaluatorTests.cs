using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Routing;
using SocialWatch.Alerts.Tests.Fakes;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Routing;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Alerts.Tests.Routing;

[TestClass]
public sealed class RoutingRuleEvaluatorTests
{
    private readonly RoutingRuleEvaluator _evaluator = new(Options.Create(new RoutingOptions { DefaultTeam = "care", DefaultPriority = AlertPriority.Normal }));

    [TestMethod]
    public void Evaluate_FirstMatchingRuleInOrderWins()
    {
        var rules = new[]
        {
            new RoutingRule { Name = "legal", Order = 1, Team = "legal", Priority = AlertPriority.Urgent, Conditions = new() { KeywordsAny = ["lawyer"] } },
            new RoutingRule { Name = "acme", Order = 2, Team = "pr", Priority = AlertPriority.High, Conditions = new() { Brands = ["acme"] } },
            new RoutingRule { Name = "all", Order = 3, Team = "care", Priority = AlertPriority.Low },
        };

        var decision = _evaluator.Evaluate(rules, Mentions.Stored(1));

        Assert.AreEqual(new RouteDecision("pr", AlertPriority.High, null, "acme"), decision);
    }

    [TestMethod]
    public void Evaluate_SkipsDisabledRules()
    {
        var rules = new[]
        {
            new RoutingRule { Name = "off", Order = 1, Team = "legal", Enabled = false },
            new RoutingRule { Name = "on", Order = 2, Team = "pr" },
        };

        var decision = _evaluator.Evaluate(rules, Mentions.Stored(1));

        Assert.AreEqual("on", decision?.RuleName);
    }

    [TestMethod]
    public void Evaluate_IgnoreRule_StopsEvaluationAndRaisesNothing()
    {
        var rules = new[]
        {
            new RoutingRule { Name = "noise", Order = 1, Action = RuleAction.Ignore, Conditions = new() { KeywordsAny = ["giveaway"] } },
            new RoutingRule { Name = "all", Order = 2, Team = "care" },
        };

        var decision = _evaluator.Evaluate(rules, Mentions.Stored(1, text: "Enter our GIVEAWAY now"));

        Assert.IsNull(decision);
    }

    [TestMethod]
    public void Evaluate_NoRuleMatches_ComplaintTakesDefaultRoute()
    {
        var decision = _evaluator.Evaluate([new RoutingRule { Name = "other", Team = "x", Conditions = new() { Brands = ["globex"] } }], Mentions.Stored(1, complaint: 0.7f));

        Assert.AreEqual(new RouteDecision("care", AlertPriority.Normal, null, "default"), decision);
    }

    [TestMethod]
    public void Evaluate_NoRuleMatches_PraiseRaisesNothing()
    {
        var decision = _evaluator.Evaluate([], Mentions.Stored(1, sentiment: SentimentLabel.Positive, complaint: 0.05f, level: EscalationLevel.Low));

        Assert.IsNull(decision);
    }

    [TestMethod]
    public void Evaluate_NoRuleMatches_HighEscalationWithoutComplaintTakesDefaultRoute()
    {
        var decision = _evaluator.Evaluate([], Mentions.Stored(1, complaint: 0.1f, level: EscalationLevel.High));

        Assert.AreEqual("default", decision?.RuleName);
    }

    [TestMethod]
    [DataRow(EscalationLevel.Low, AlertPriority.Normal)]
    [DataRow(EscalationLevel.Medium, AlertPriority.Normal)]
    [DataRow(EscalationLevel.High, AlertPriority.High)]
    [DataRow(EscalationLevel.Critical, AlertPriority.Urgent)]
    public void Evaluate_DefaultRoute_PriorityFollowsEscalation(EscalationLevel level, AlertPriority expected)
    {
        var decision = _evaluator.Evaluate([], Mentions.Stored(1, complaint: 0.9f, level: level));

        Assert.AreEqual(expected, decision?.Priority);
    }

    [TestMethod]
    public void Evaluate_DefaultRoute_EscalationNeverLowersTheConfiguredPriority()
    {
        var evaluator = new RoutingRuleEvaluator(Options.Create(new RoutingOptions { DefaultTeam = "care", DefaultPriority = AlertPriority.Urgent }));

        var decision = evaluator.Evaluate([], Mentions.Stored(1, complaint: 0.9f, level: EscalationLevel.High));

        Assert.AreEqual(AlertPriority.Urgent, decision?.Priority);
    }

    [TestMethod]
    public void Evaluate_DefaultRoute_FixedPriorityWhenEscalationIsNotFollowed()
    {
        var evaluator = new RoutingRuleEvaluator(Options.Create(new RoutingOptions { DefaultTeam = "care", PriorityFollowsEscalation = false }));

        var decision = evaluator.Evaluate([], Mentions.Stored(1, complaint: 0.9f, level: EscalationLevel.Critical));

        Assert.AreEqual(AlertPriority.Normal, decision?.Priority);
    }

    [TestMethod]
    [DataRow("brand")]
    [DataRow("source")]
    [DataRow("language")]
    [DataRow("sentiment")]
    [DataRow("complaint")]
    [DataRow("escalation")]
    [DataRow("reasons")]
    [DataRow("followers")]
    [DataRow("keywords")]
    public void Matches_EachCondition_AcceptsMatchingAndRejectsOtherMentions(string condition)
    {
        var (conditions, matching, other) = condition switch
        {
            "brand" => (new RuleConditions { Brands = ["ACME"] }, Mentions.Stored(1, brand: "acme"), Mentions.Stored(2, brand: "globex")),
            "source" => (new RuleConditions { Sources = ["reddit"] }, Mentions.Stored(1, source: "reddit"), Mentions.Stored(2, source: "x")),
            "language" => (new RuleConditions { Languages = ["de"] }, Mentions.Stored(1, language: "de"), Mentions.Stored(2, language: null)),
            "sentiment" => (new RuleConditions { Sentiments = [SentimentLabel.Negative] }, Mentions.Stored(1), Mentions.Stored(2, sentiment: SentimentLabel.Neutral)),
            "complaint" => (new RuleConditions { MinComplaint = 0.8f }, Mentions.Stored(1, complaint: 0.85f), Mentions.Stored(2, complaint: 0.79f)),
            "escalation" => (new RuleConditions { MinEscalationLevel = EscalationLevel.High }, Mentions.Stored(1, level: EscalationLevel.Critical), Mentions.Stored(2, level: EscalationLevel.Medium)),
            "reasons" => (new RuleConditions { ReasonsAny = ["legal"] }, Mentions.Stored(1, reasons: [new Reason(ReasonCodes.LegalThreat, "legal threat", 1f)]), Mentions.Stored(2, reasons: [new Reason(ReasonCodes.ThreatensToLeave, "threatens to leave", 1f)])),
            "followers" => (new RuleConditions { MinFollowers = 10_000 }, Mentions.Stored(1, followers: 10_000), Mentions.Stored(2, followers: 9_999)),
            "keywords" => (new RuleConditions { KeywordsAny = ["refund", "chargeback"] }, Mentions.Stored(1, text: "I want a REFUND"), Mentions.Stored(2, text: "late again")),
            _ => throw new ArgumentOutOfRangeException(nameof(condition)),
        };

        var matches = RoutingRuleEvaluator.Matches(conditions, matching);
        var rejects = !RoutingRuleEvaluator.Matches(conditions, other);

        Assert.IsTrue(matches, "matching mention");
        Assert.IsTrue(rejects, "other mention");
    }

    [TestMethod]
    public void Matches_ScoreCondition_FailsForUnscoredMention()
    {
        var conditions = new RuleConditions { MinComplaint = 0.1f };

        var matches = RoutingRuleEvaluator.Matches(conditions, Mentions.Stored(1, scored: false));

        Assert.IsFalse(matches);
    }

    [TestMethod]
    public void Matches_AllConditionsMustHold()
    {
        var conditions = new RuleConditions { Brands = ["acme"], MinFollowers = 1_000 };

        var matches = RoutingRuleEvaluator.Matches(conditions, Mentions.Stored(1, brand: "acme", followers: 10));

        Assert.IsFalse(matches);
    }
}
