using SocialWatch.Core.Scoring;

namespace SocialWatch.Alerts.Tests.Reasons;

[TestClass]
public sealed class ReasonCodesTests
{
    /// <summary>Stored rows, routing rules and charts refer to these codes: a change here breaks them.</summary>
    private static readonly Dictionary<string, string> s_shipped = new()
    {
        ["legal_threat"] = "legal threat",
        ["safety_issue"] = "safety issue",
        ["threatens_to_leave"] = "threatens to leave",
        ["going_public"] = "going public (press, viral)",
        ["discrimination_claim"] = "discrimination claim",
        ["blames_staff"] = "blames staff",
        ["accuses_brand"] = "accuses the brand (fraud, lying)",
        ["angry_tone"] = "angry tone",
        ["negative_tone"] = "negative tone",
        ["complaint"] = "complaint",
        ["author_reach"] = "author reach",
        ["verified_author"] = "verified author",
        ["engagement"] = "engagement",
        ["repeat_complaint_week"] = "repeat complaint this week",
        ["repeat_complaint_month"] = "earlier complaints in 30 days",
        ["interactions_in_window"] = "interactions piling up",
        ["reposts_doubling"] = "reposts doubling fast",
        ["repost_rate"] = "repost rate",
        ["started_spreading"] = "started quiet, now spreading",
        ["spike_volume"] = "mention volume spike",
        ["spike_negative_share"] = "negative share spike",
        ["promise_broken"] = "promise not kept",
        ["follow_up_of"] = "follow-up of an alert",
        ["source_needs_attention"] = "source needs attention",
    };

    [TestMethod]
    public void Known_AreTheShippedCodes_WithTheirDisplayNames()
    {
        var known = ReasonCodes.Known.ToDictionary(c => c, ReasonCodes.DisplayName);

        CollectionAssert.AreEquivalent(s_shipped.ToArray(), known.ToArray());
    }

    [TestMethod]
    public void Rule_CodeNamesTheRule_AndDisplaysIt()
    {
        var reason = ReasonCodes.Rule("vip");

        Assert.AreEqual(new Reason("rule:vip", "rule: vip", 1f), reason);
        Assert.AreEqual("rule: vip", ReasonCodes.DisplayName(reason.Code));
    }

    [TestMethod]
    public void DisplayName_OfAnUnknownCode_IsTheCode()
    {
        var name = ReasonCodes.DisplayName("refund refused");

        Assert.AreEqual("refund refused", name);
    }

    [TestMethod]
    public void Workflow_DocumentsEveryCode()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SocialWatch.sln")))
        {
            directory = directory.Parent;
        }

        var workflow = File.ReadAllText(Path.Combine(directory!.FullName, "src", "Alerts", "WORKFLOW.md"));

        var missing = ReasonCodes.Known.Append(ReasonCodes.RulePrefix).Where(code => !workflow.Contains($"`{code}", StringComparison.Ordinal)).ToList();
        Assert.IsEmpty(missing, string.Join(", ", missing));
    }
}
