using SocialWatch.Core.Scoring;
using SocialWatch.Storage;

namespace SocialWatch.Alerts.Tests.Storage;

[TestClass]
public sealed class LegacyReasonsTests
{
    [TestMethod]
    [DataRow("legal threat", "legal_threat", "legal threat", 1f)]
    [DataRow("safety issue", "safety_issue", "safety issue", 1f)]
    [DataRow("threatens to leave", "threatens_to_leave", "threatens to leave", 1f)]
    [DataRow("going public (press, viral)", "going_public", "going public (press, viral)", 1f)]
    [DataRow("discrimination claim", "discrimination_claim", "discrimination claim", 1f)]
    [DataRow("blames staff", "blames_staff", "blames staff", 1f)]
    [DataRow("accuses the brand (fraud, lying)", "accuses_brand", "accuses the brand (fraud, lying)", 1f)]
    [DataRow("angry tone", "angry_tone", "angry tone", 1f)]
    [DataRow("angry tone: capitals, profanity", "angry_tone", "angry tone: capitals, profanity", 1f)]
    [DataRow("negative tone (62%)", "negative_tone", "negative tone", 0.62f)]
    [DataRow("complaint (96%)", "complaint", "complaint", 0.96f)]
    [DataRow("complaint (100%)", "complaint", "complaint", 1f)]
    [DataRow("author reach 12k", "author_reach", "author reach 12k", 1f)]
    [DataRow("verified author", "verified_author", "verified author", 1f)]
    [DataRow("engagement 1.2M", "engagement", "engagement 1.2M", 1f)]
    [DataRow("reposts doubling every 9 min", "reposts_doubling", "reposts doubling every 9 min", 1f)]
    [DataRow("reposts 40/h", "repost_rate", "reposts 40/h", 1f)]
    [DataRow("third complaint this week", "repeat_complaint_week", "third complaint this week", 1f)]
    [DataRow("4 earlier complaints in 30 days", "repeat_complaint_month", "4 earlier complaints in 30 days", 1f)]
    [DataRow("rule: vip", "rule:vip", "rule: vip", 1f)]
    [DataRow("mention volume far above this time of week", "spike_volume", "mention volume far above this time of week", 1f)]
    [DataRow("negative share far above this time of week", "spike_negative_share", "negative share far above this time of week", 1f)]
    [DataRow("promise #3 was due 2026-03-02 09:00:00Z", "promise_broken", "promise #3 was due 2026-03-02 09:00:00Z", 1f)]
    [DataRow("alert #7", "follow_up_of", "alert #7", 1f)]
    [DataRow("source x", "source_needs_attention", "source x", 1f)]
    public void FromText_EveryPhraseTheScorerOnceWrote_GetsItsCode(string stored, string code, string text, float strength)
    {
        var reason = LegacyReasons.FromText(stored);

        Assert.AreEqual(new Reason(code, text, strength), reason);
    }

    [TestMethod]
    public void FromText_UnknownLabel_IsItsOwnCode_WithoutItsPercentage()
    {
        var reason = LegacyReasons.FromText("refund refused (40%)");

        Assert.AreEqual(new Reason("refund refused", "refund refused", 0.4f), reason);
    }

    [TestMethod]
    public void FromText_ParenthesesThatAreNotAPercentage_StayInTheText()
    {
        var reason = LegacyReasons.FromText("odd (a%)");

        Assert.AreEqual(new Reason("odd (a%)", "odd (a%)", 1f), reason);
    }
}
