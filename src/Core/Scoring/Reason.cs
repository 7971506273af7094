namespace SocialWatch.Core.Scoring;

/// <summary>
/// One reason an alert was raised or a mention scored as it did. <paramref name="Code"/> is stable and is what
/// charts and digests count; <paramref name="Text"/> is what a person reads and may carry a figure ("reposts doubling
/// every 9 min"); <paramref name="Strength"/> is how strongly the cue is present, 0..1 (a probability for the
/// complaint and tone reasons), and never goes into the text.
/// </summary>
/// <remarks>A struct: the scorer hands out millions of these, and an array of structs is its only allocation.</remarks>
public readonly record struct Reason(string Code, string Text, float Strength)
{
    public override string ToString() => Text;
}

/// <summary>
/// The stable reason codes (documented in src/Alerts/WORKFLOW.md). Codes never change once shipped: stored rows,
/// routing rules and charts refer to them. Display names are what a chart or digest shows for a code.
/// </summary>
public static class ReasonCodes
{
    // Text cues found by the escalation model.
    public const string LegalThreat = "legal_threat";
    public const string SafetyIssue = "safety_issue";
    public const string ThreatensToLeave = "threatens_to_leave";
    public const string GoingPublic = "going_public";
    public const string DiscriminationClaim = "discrimination_claim";
    public const string BlamesStaff = "blames_staff";
    public const string AccusesBrand = "accuses_brand";
    public const string AngryTone = "angry_tone";
    public const string NegativeTone = "negative_tone";
    public const string Complaint = "complaint";

    // Who wrote it and how far it travels.
    public const string AuthorReach = "author_reach";
    public const string VerifiedAuthor = "verified_author";
    public const string Engagement = "engagement";
    public const string RepeatComplaintWeek = "repeat_complaint_week";
    public const string RepeatComplaintMonth = "repeat_complaint_month";

    // Spreading, from refresh snapshots.
    public const string InteractionsInWindow = "interactions_in_window";
    public const string RepostsDoubling = "reposts_doubling";
    public const string RepostRate = "repost_rate";

    /// <summary>A mention stored without an alert that passes routing once the watch list re-scores it.</summary>
    public const string StartedSpreading = "started_spreading";

    // Alerts that are not a scored mention.
    public const string SpikeVolume = "spike_volume";
    public const string SpikeNegativeShare = "spike_negative_share";
    public const string PromiseBroken = "promise_broken";
    public const string FollowUpOf = "follow_up_of";
    public const string SourceNeedsAttention = "source_needs_attention";

    /// <summary>Routing adds one reason per matched rule; its code is this prefix plus the rule name.</summary>
    public const string RulePrefix = "rule:";

    private static readonly Dictionary<string, string> s_displayNames = new(StringComparer.Ordinal)
    {
        [LegalThreat] = "legal threat",
        [SafetyIssue] = "safety issue",
        [ThreatensToLeave] = "threatens to leave",
        [GoingPublic] = "going public (press, viral)",
        [DiscriminationClaim] = "discrimination claim",
        [BlamesStaff] = "blames staff",
        [AccusesBrand] = "accuses the brand (fraud, lying)",
        [AngryTone] = "angry tone",
        [NegativeTone] = "negative tone",
        [Complaint] = "complaint",
        [AuthorReach] = "author reach",
        [VerifiedAuthor] = "verified author",
        [Engagement] = "engagement",
        [RepeatComplaintWeek] = "repeat complaint this week",
        [RepeatComplaintMonth] = "earlier complaints in 30 days",
        [InteractionsInWindow] = "interactions piling up",
        [RepostsDoubling] = "reposts doubling fast",
        [RepostRate] = "repost rate",
        [StartedSpreading] = "started quiet, now spreading",
        [SpikeVolume] = "mention volume spike",
        [SpikeNegativeShare] = "negative share spike",
        [PromiseBroken] = "promise not kept",
        [FollowUpOf] = "follow-up of an alert",
        [SourceNeedsAttention] = "source needs attention",
    };

    /// <summary>Every code with a display name, for documentation and tests.</summary>
    public static IReadOnlyCollection<string> Known => s_displayNames.Keys;

    /// <summary>What a chart shows for a code; a rule reason shows its rule, an unknown code shows itself.</summary>
    public static string DisplayName(string code) =>
        s_displayNames.TryGetValue(code, out var name) ? name
        : code.StartsWith(RulePrefix, StringComparison.Ordinal) ? "rule: " + code[RulePrefix.Length..]
        : code;

    /// <summary>The reason routing adds for the rule that matched.</summary>
    public static Reason Rule(string ruleName) => new(RulePrefix + ruleName, "rule: " + ruleName, 1f);
}
