using System.Text.Json.Serialization;
using SocialWatch.Core.Scoring;
using SocialWatch.Scoring.Features;

namespace SocialWatch.Scoring.Models;

/// <summary>
/// Interpretable escalation model: a weighted sum of named risk features squashed by a logistic function.
/// Each term's contribution is the reason shown to a person, so the score always explains itself.
/// </summary>
internal sealed class EscalationModel
{
    /// <summary>Feature names in vector order.</summary>
    public static readonly string[] FeatureNames =
    [
        "legal", "safety", "churn", "media", "discrimination", "blame", "accusation", "intensity",
        "negative", "complaint", "reach", "verified", "engagement", "velocity", "repostRate", "history7d", "history30d",
    ];

    /// <summary>Features a text-only label can teach; the rest need author and engagement context.</summary>
    public static readonly HashSet<string> TextFeatures =
        ["legal", "safety", "churn", "media", "discrimination", "blame", "accusation", "intensity", "negative", "complaint"];

    public const float MediumThreshold = 0.3f;
    public const float HighThreshold = 0.55f;
    public const float CriticalThreshold = 0.8f;
    private const float ReasonThreshold = 0.35f;
    private const int MaxReasons = 4;

    private readonly ReasonPhrases _phrases;

    public EscalationModel(float bias, IReadOnlyDictionary<string, float> weights, string source)
    {
        Bias = bias;
        Source = source;
        _phrases = new ReasonPhrases();
        Weights = new float[FeatureNames.Length];
        for (var i = 0; i < FeatureNames.Length; i++)
        {
            Weights[i] = weights.TryGetValue(FeatureNames[i], out var w) ? w : 0f;
        }
    }

    public float Bias { get; }

    public float[] Weights { get; }

    /// <summary>"defaults" or where the learned weights came from.</summary>
    public string Source { get; }

    /// <summary>
    /// Hand-set starting weights (documented in the model card): one strong text cue (legal, safety, discrimination)
    /// on a complaint lifts it to high; reach or fast reposts on top make it critical; a plain complaint from a
    /// small account stays low.
    /// </summary>
    public static EscalationModel Defaults() => new(-4.2f, new Dictionary<string, float>
    {
        ["legal"] = 2.3f,
        ["safety"] = 2.5f,
        ["churn"] = 1.1f,
        ["media"] = 1.5f,
        ["discrimination"] = 2.3f,
        ["blame"] = 0.9f,
        ["accusation"] = 1.2f,
        ["intensity"] = 1.0f,
        ["negative"] = 1.0f,
        ["complaint"] = 1.5f,
        ["reach"] = 0.55f,
        ["verified"] = 0.4f,
        ["engagement"] = 0.35f,
        ["velocity"] = 0.55f,
        ["repostRate"] = 0.3f,
        ["history7d"] = 0.6f,
        ["history30d"] = 0.5f,
    }, "defaults");

    public static void ComputeFeatures(in CueCounts cues, float negative, float complaint, ScoringInput input, Span<float> x)
    {
        x[0] = Math.Min(cues.Legal, 1);
        x[1] = Math.Min(cues.Safety, 1);
        x[2] = Math.Min(cues.Churn, 1);
        x[3] = Math.Min(cues.Media, 1);
        x[4] = Math.Min(cues.Discrimination, 1);
        x[5] = Math.Min(cues.Blame, 2) / 2f;
        x[6] = Math.Min(cues.Accusation, 2) / 2f;
        x[7] = cues.Intensity;
        x[8] = negative;
        x[9] = complaint;
        var followers = input.Author?.Followers ?? 0;
        x[10] = MathF.Max(0f, MathF.Log10(followers + 1f) - 2f);
        x[11] = input.Author?.Verified == true ? 1f : 0f;
        x[12] = MathF.Max(0f, MathF.Log10(input.Metrics.Total + 1f) - 1f);
        var doubling = input.Velocity?.DoublingTime;
        // Doubling every 4 h or slower adds nothing; every 15 min or faster adds the maximum.
        x[13] = doubling is { } d && d > TimeSpan.Zero
            ? Math.Clamp(MathF.Log2(240f / (float)Math.Max(d.TotalMinutes, 0.1)), 0f, 4f)
            : 0f;
        x[14] = input.Velocity is { } v ? MathF.Log10(1f + (float)Math.Max(v.RepostsPerHour, 0)) : 0f;
        x[15] = Math.Min(input.History?.ComplaintsLast7Days ?? 0, 3);
        x[16] = Math.Min(input.History?.ComplaintsLast30Days ?? 0, 10) / 10f;
    }

    public EscalationScore Score(in CueCounts cues, float negative, float complaint, ScoringInput input)
    {
        Span<float> x = stackalloc float[FeatureNames.Length];
        ComputeFeatures(in cues, negative, complaint, input, x);
        var z = Bias;
        Span<float> contribution = stackalloc float[FeatureNames.Length];
        for (var i = 0; i < x.Length; i++)
        {
            contribution[i] = Weights[i] * x[i];
            z += contribution[i];
        }

        var score = 1f / (1f + MathF.Exp(-z));
        var level = LevelOf(score);
        return new EscalationScore(score, level, Reasons(contribution, x, in cues, input));
    }

    public static EscalationLevel LevelOf(float score) => score switch
    {
        >= CriticalThreshold => EscalationLevel.Critical,
        >= HighThreshold => EscalationLevel.High,
        >= MediumThreshold => EscalationLevel.Medium,
        _ => EscalationLevel.Low,
    };

    private IReadOnlyList<Reason> Reasons(ReadOnlySpan<float> contribution, ReadOnlySpan<float> x, in CueCounts cues, ScoringInput input)
    {
        // The largest contributions first, ties in feature order; insertion into a short stack list, no allocation
        // unless there is a reason to show.
        Span<int> top = stackalloc int[MaxReasons];
        var count = 0;
        for (var i = 0; i < contribution.Length; i++)
        {
            var c = contribution[i];
            if (!(c >= ReasonThreshold) || (count == MaxReasons && c <= contribution[top[count - 1]]))
            {
                continue;
            }

            var at = Math.Min(count, MaxReasons - 1);
            while (at > 0 && contribution[top[at - 1]] < c)
            {
                top[at] = top[at - 1];
                at--;
            }

            top[at] = i;
            count = Math.Min(count + 1, MaxReasons);
        }

        if (count == 0)
        {
            return [];
        }

        var reasons = new Reason[count];
        for (var k = 0; k < count; k++)
        {
            var f = top[k];
            reasons[k] = Phrase(f, x[f], in cues, input);
        }

        return reasons;
    }

    /// <summary>
    /// The reason for one feature: its stable code (documented in src/Alerts/WORKFLOW.md), the text a person reads,
    /// and the strength. A new feature without a case here is shown under its feature name.
    /// </summary>
    private Reason Phrase(int feature, float value, in CueCounts cues, ScoringInput input)
    {
        var strength = Strength(feature, value);
        return feature switch
        {
            0 => new(ReasonCodes.LegalThreat, "legal threat", strength),
            1 => new(ReasonCodes.SafetyIssue, "safety issue", strength),
            2 => new(ReasonCodes.ThreatensToLeave, "threatens to leave", strength),
            3 => new(ReasonCodes.GoingPublic, "going public (press, viral)", strength),
            4 => new(ReasonCodes.DiscriminationClaim, "discrimination claim", strength),
            5 => new(ReasonCodes.BlamesStaff, "blames staff", strength),
            6 => new(ReasonCodes.AccusesBrand, "accuses the brand (fraud, lying)", strength),
            7 => new(ReasonCodes.AngryTone, _phrases.Intensity(in cues), strength),
            8 => new(ReasonCodes.NegativeTone, "negative tone", strength),
            9 => new(ReasonCodes.Complaint, "complaint", strength),
            10 => new(ReasonCodes.AuthorReach, _phrases.Reach(input.Author?.Followers ?? 0), strength),
            11 => new(ReasonCodes.VerifiedAuthor, "verified author", strength),
            12 => EngagementReason(input, strength),
            13 => new(ReasonCodes.RepostsDoubling, _phrases.Doubling(input.Velocity?.DoublingTime ?? TimeSpan.Zero), strength),
            14 => new(ReasonCodes.RepostRate, _phrases.RepostRate(input.Velocity?.RepostsPerHour ?? 0), strength),
            15 => new(ReasonCodes.RepeatComplaintWeek, _phrases.HistoryWeek(input.History?.ComplaintsLast7Days ?? 0), strength),
            16 => new(ReasonCodes.RepeatComplaintMonth, _phrases.HistoryMonth(input.History?.ComplaintsLast30Days ?? 0), strength),
            _ => new(FeatureNames[feature], FeatureNames[feature], strength),
        };
    }

    /// <summary>
    /// How strongly a cue is present, 0..1: the feature value over the value at which it counts in full (10M followers
    /// or 1M interactions for reach and engagement, doubling every 15 min, 10k reposts an hour, a third complaint in a
    /// week). Probabilities and on/off cues are their own strength.
    /// </summary>
    private static float Strength(int feature, float value) => Math.Clamp(value / (feature switch
    {
        10 or 12 => 5f,
        13 or 14 => 4f,
        15 => 3f,
        _ => 1f,
    }), 0f, 1f);

    /// <summary>
    /// While a post is being watched, what it gained in the last interval says more than its total: "1.2k interactions
    /// in 30 min". A post seen once, or one that gained nothing, shows its total engagement.
    /// </summary>
    private Reason EngagementReason(ScoringInput input, float strength)
    {
        if (input.Velocity is { Window: { } window } velocity && window > TimeSpan.Zero)
        {
            var gained = (long)Math.Round(Math.Max(velocity.EngagementPerHour, 0) * window.TotalHours);
            if (gained >= 1)
            {
                return new(ReasonCodes.InteractionsInWindow, _phrases.Interactions(gained, window), strength);
            }
        }

        return new(ReasonCodes.Engagement, _phrases.Engagement(input.Metrics.Total), strength);
    }

    public EscalationModelFile ToFile() => new()
    {
        Bias = Bias,
        Source = Source,
        Weights = FeatureNames.Select((n, i) => (n, Weights[i])).ToDictionary(p => p.n, p => p.Item2),
        Thresholds = new() { ["medium"] = MediumThreshold, ["high"] = HighThreshold, ["critical"] = CriticalThreshold },
    };

    public static EscalationModel FromFile(EscalationModelFile file) => new(file.Bias, file.Weights, file.Source);
}

/// <summary>escalation.json: the weights as a person can read and audit them.</summary>
internal sealed class EscalationModelFile
{
    [JsonPropertyName("bias")]
    public float Bias { get; set; }

    [JsonPropertyName("source")]
    public string Source { get; set; } = "defaults";

    [JsonPropertyName("weights")]
    public Dictionary<string, float> Weights { get; set; } = [];

    [JsonPropertyName("thresholds")]
    public Dictionary<string, float> Thresholds { get; set; } = [];
}
