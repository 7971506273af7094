using System.Globalization;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Storage;

/// <summary>
/// Reads a reason stored as plain text before reasons had codes. The percentage those labels carried
/// ("complaint (96%)") becomes the strength and leaves the text; known phrases map to their code; any other text is
/// its own code, so it still groups with itself. A label without a figure had its cue present: strength 1.
/// </summary>
internal static class LegacyReasons
{
    private static readonly Dictionary<string, string> s_exact = new(StringComparer.OrdinalIgnoreCase)
    {
        ["legal threat"] = ReasonCodes.LegalThreat,
        ["safety issue"] = ReasonCodes.SafetyIssue,
        ["threatens to leave"] = ReasonCodes.ThreatensToLeave,
        ["going public (press, viral)"] = ReasonCodes.GoingPublic,
        ["discrimination claim"] = ReasonCodes.DiscriminationClaim,
        ["blames staff"] = ReasonCodes.BlamesStaff,
        ["accuses the brand (fraud, lying)"] = ReasonCodes.AccusesBrand,
        ["angry tone"] = ReasonCodes.AngryTone,
        ["negative tone"] = ReasonCodes.NegativeTone,
        ["complaint"] = ReasonCodes.Complaint,
        ["verified author"] = ReasonCodes.VerifiedAuthor,
        ["mention volume far above this time of week"] = ReasonCodes.SpikeVolume,
        ["negative share far above this time of week"] = ReasonCodes.SpikeNegativeShare,
    };

    /// <summary>Phrases that began with a fixed text and ended with a figure, checked in order.</summary>
    private static readonly (string Prefix, string Code)[] s_prefixes =
    [
        ("angry tone:", ReasonCodes.AngryTone),
        ("author reach ", ReasonCodes.AuthorReach),
        ("engagement ", ReasonCodes.Engagement),
        ("reposts doubling every ", ReasonCodes.RepostsDoubling),
        ("promise #", ReasonCodes.PromiseBroken),
        ("alert #", ReasonCodes.FollowUpOf),
        ("source ", ReasonCodes.SourceNeedsAttention),
    ];

    public static Reason FromText(string stored)
    {
        var (text, strength) = SplitPercent(stored.Trim());
        return new Reason(CodeOf(text), text, strength);
    }

    /// <summary>The code of a legacy label whose percentage is already removed.</summary>
    internal static string CodeOf(string text)
    {
        if (s_exact.TryGetValue(text, out var code))
        {
            return code;
        }

        if (text.StartsWith("rule: ", StringComparison.Ordinal))
        {
            return ReasonCodes.RulePrefix + text["rule: ".Length..];
        }

        foreach (var (prefix, prefixCode) in s_prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return prefixCode;
            }
        }

        if (text.StartsWith("reposts ", StringComparison.OrdinalIgnoreCase) && text.EndsWith("/h", StringComparison.Ordinal))
        {
            return ReasonCodes.RepostRate;
        }

        if (text.EndsWith(" complaint this week", StringComparison.OrdinalIgnoreCase))
        {
            return ReasonCodes.RepeatComplaintWeek;
        }

        return text.EndsWith(" earlier complaints in 30 days", StringComparison.OrdinalIgnoreCase) ? ReasonCodes.RepeatComplaintMonth : text;
    }

    /// <summary>"complaint (96%)" is ("complaint", 0.96); a label without a trailing percentage keeps strength 1.</summary>
    private static (string Text, float Strength) SplitPercent(string text)
    {
        if (!text.EndsWith("%)", StringComparison.Ordinal))
        {
            return (text, 1f);
        }

        var open = text.LastIndexOf('(');
        if (open < 0 || !float.TryParse(text.AsSpan(open + 1, text.Length - open - 3), NumberStyles.Float, CultureInfo.InvariantCulture, out var percent))
        {
            return (text, 1f);
        }

        return (text[..open].TrimEnd(), Math.Clamp(percent / 100f, 0f, 1f));
    }
}
