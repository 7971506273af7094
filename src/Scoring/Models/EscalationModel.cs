using System.Globalization;
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

    public EscalationModel(float bias, IReadOnlyDictionary<string, float> weights, string source)
    {
        Bias = bias;
        Source = source;
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

    private static IReadOnlyList<Reason> Reasons(ReadOnlySpan<float> contribution, ReadOnlySpan<float> x, in CueCounts cues, ScoringInput input)
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
    private static Reason Phrase(int feature, float value, in CueCounts cues, ScoringInput input)
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
            7 => new(ReasonCodes.AngryTone, IntensityPhrase(in cues), strength),
            8 => new(ReasonCodes.NegativeTone, "negative tone", strength),
            9 => new(ReasonCodes.Complaint, "complaint", strength),
            10 => new(ReasonCodes.AuthorReach, Cached(PhraseKind.Reach, CompactKey(input.Author?.Followers ?? 0)), strength),
            11 => new(ReasonCodes.VerifiedAuthor, "verified author", strength),
            12 => EngagementReason(input, strength),
            13 => new(ReasonCodes.RepostsDoubling, Cached(PhraseKind.Velocity, DurationKey(input.Velocity?.DoublingTime ?? TimeSpan.Zero)), strength),
            14 => new(ReasonCodes.RepostRate, Cached(PhraseKind.RepostRate, CompactKey((long)Math.Round(input.Velocity?.RepostsPerHour ?? 0))), strength),
            15 => new(ReasonCodes.RepeatComplaintWeek, HistoryWeekPhrase(input.History?.ComplaintsLast7Days ?? 0), strength),
            16 => new(ReasonCodes.RepeatComplaintMonth, HistoryMonthPhrase(input.History?.ComplaintsLast30Days ?? 0), strength),
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
    private static Reason EngagementReason(ScoringInput input, float strength)
    {
        if (input.Velocity is { Window: { } window } velocity && window > TimeSpan.Zero)
        {
            var gained = (long)Math.Round(Math.Max(velocity.EngagementPerHour, 0) * window.TotalHours);
            if (gained >= 1)
            {
                var key = (CompactKey(gained) * WindowKeys) + Math.Min(DurationKey(window), WindowKeys - 1);
                return new(ReasonCodes.InteractionsInWindow, Cached(PhraseKind.Interactions, key), strength);
            }
        }

        return new(ReasonCodes.Engagement, Cached(PhraseKind.Engagement, CompactKey(input.Metrics.Total)), strength);
    }

    private static readonly string[] s_historyWeekPhrases = [.. Enumerable.Range(0, 32).Select(n => $"{Ordinal(n + 1)} complaint this week")];
    private static readonly string[] s_historyMonthPhrases = [.. Enumerable.Range(0, 128).Select(n => $"{n} earlier complaints in 30 days")];

    private static string HistoryWeekPhrase(int complaints) =>
        (uint)complaints < (uint)s_historyWeekPhrases.Length ? s_historyWeekPhrases[complaints] : $"{Ordinal(complaints + 1)} complaint this week";

    private static string HistoryMonthPhrase(int complaints) =>
        (uint)complaints < (uint)s_historyMonthPhrases.Length ? s_historyMonthPhrases[complaints] : $"{complaints} earlier complaints in 30 days";

    // Reasons repeat across millions of mentions; caching the phrases keeps serving free of per-mention string building.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(PhraseKind, long), string> s_phrases = new();
    private const int MaxCachedPhrases = 20_000;

    /// <summary>An interactions-in-window key packs the count key and the window's duration key.</summary>
    private const long WindowKeys = 1_000_000;

    private enum PhraseKind
    {
        Reach,
        Engagement,
        Velocity,
        RepostRate,
        Interactions,
    }

    private static string Cached(PhraseKind kind, long key)
    {
        // Common keys index a plain array (filled on first use; two threads may build the same string, which is harmless).
        var slot = DenseSlot(kind, key);
        if (slot >= 0)
        {
            var dense = s_densePhrases[(int)kind];
            return dense[slot] ?? (dense[slot] = Build(kind, key));
        }

        if (s_phrases.TryGetValue((kind, key), out var phrase))
        {
            return phrase;
        }

        phrase = Build(kind, key);
        if (s_phrases.Count < MaxCachedPhrases)
        {
            s_phrases.TryAdd((kind, key), phrase);
        }

        return phrase;
    }

    private static string Build(PhraseKind kind, long key) => kind switch
    {
        PhraseKind.Reach => "author reach " + FromKey(key),
        PhraseKind.Engagement => "engagement " + FromKey(key),
        PhraseKind.RepostRate => "reposts " + FromKey(key) + "/h",
        PhraseKind.Interactions => FromKey(key / WindowKeys) + " interactions in " + DurationFromKey(key % WindowKeys),
        _ => "reposts doubling every " + DurationFromKey(key),
    };

    private const int DenseSlots = 4096;
    private static readonly string?[][] s_densePhrases = [.. Enumerable.Range(0, 4).Select(_ => new string?[DenseSlots])];

    /// <summary>Array slot of a phrase key, or -1 for a rare key (those go to the dictionary).</summary>
    private static int DenseSlot(PhraseKind kind, long key)
    {
        if (kind == PhraseKind.Interactions)
        {
            return -1;
        }

        if (kind == PhraseKind.Velocity)
        {
            // Minutes below 90 are keys 1..89; longer times are 100,000 + tenths of an hour.
            var slot = key < 100_000 ? key : key - 100_000 + 100;
            return slot is >= 0 and < DenseSlots ? (int)slot : -1;
        }

        var unit = key / 1_000_000_000L;
        var rest = key % 1_000_000_000L;
        return unit switch
        {
            0 when rest < 1_000 => (int)rest,
            1 when rest <= 100 => 1_000 + (int)rest,
            2 when rest <= 1_000 => 1_101 + (int)rest,
            3 when rest <= 100 => 2_102 + (int)rest,
            4 when rest < 1_000 => 2_203 + (int)rest,
            _ => -1,
        };
    }

    /// <summary>Two counts share a key exactly when <see cref="Compact"/> prints them the same.</summary>
    private static long CompactKey(long n) => n switch
    {
        >= 10_000_000 => 4_000_000_000L + (long)Math.Round(n / 1_000_000.0, MidpointRounding.AwayFromZero),
        >= 1_000_000 => 3_000_000_000L + (long)Math.Round(n / 100_000.0, MidpointRounding.AwayFromZero),
        >= 10_000 => 2_000_000_000L + (long)Math.Round(n / 1_000.0, MidpointRounding.AwayFromZero),
        >= 1_000 => 1_000_000_000L + (long)Math.Round(n / 100.0, MidpointRounding.AwayFromZero),
        _ => Math.Max(0, n),
    };

    /// <summary>Two durations share a key exactly when <see cref="DurationFromKey"/> prints them the same.</summary>
    private static long DurationKey(TimeSpan t) =>
        t.TotalMinutes < 90 ? (long)Math.Max(1, Math.Round(t.TotalMinutes)) : 100_000 + (long)Math.Round(t.TotalHours * 10);

    private static string IntensityPhrase(in CueCounts cues) => s_intensityPhrases[
        (cues.CapsRatio >= 0.3f ? 1 : 0) | (cues.Profanity > 0 ? 2 : 0) | (cues.Exclamations >= 2 ? 4 : 0)];

    /// <summary>Indexed by capitals (1), profanity (2), exclamations (4).</summary>
    private static readonly string[] s_intensityPhrases = [.. Enumerable.Range(0, 8).Select(IntensityPhraseOf)];

    private static string IntensityPhraseOf(int signs)
    {
        var parts = new List<string>(3);
        if ((signs & 1) != 0)
        {
            parts.Add("capitals");
        }

        if ((signs & 2) != 0)
        {
            parts.Add("profanity");
        }

        if ((signs & 4) != 0)
        {
            parts.Add("exclamations");
        }

        return parts.Count == 0 ? "angry tone" : "angry tone: " + string.Join(", ", parts);
    }

    internal static string Compact(long n) => FromKey(CompactKey(n));

    private static string FromKey(long key)
    {
        var unit = key / 1_000_000_000L;
        var r = key % 1_000_000_000L;
        return unit switch
        {
            4 => r.ToString(CultureInfo.InvariantCulture) + "M",
            3 => (r / 10.0).ToString("0.#", CultureInfo.InvariantCulture) + "M",
            2 => r.ToString(CultureInfo.InvariantCulture) + "k",
            1 => (r / 10.0).ToString("0.#", CultureInfo.InvariantCulture) + "k",
            _ => r.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static string DurationFromKey(long key) => key < 100_000
        ? key.ToString(CultureInfo.InvariantCulture) + " min"
        : ((key - 100_000) / 10.0).ToString("0.#", CultureInfo.InvariantCulture) + " h";

    private static string Ordinal(int n) => n switch
    {
        1 => "first",
        2 => "second",
        3 => "third",
        4 => "fourth",
        _ => n.ToString(CultureInfo.InvariantCulture) + "th",
    };

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
