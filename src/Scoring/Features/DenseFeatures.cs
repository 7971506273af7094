namespace SocialWatch.Scoring.Features;

/// <summary>Cue features appended after the hash space, each scaled to 0..1 with a cap so one loud cue cannot dominate.</summary>
internal static class DenseFeatures
{
    public static readonly string[] Names =
    [
        "legal", "safety", "churn", "media", "discrimination", "blame", "accusation", "service", "repetition", "profanity",
        "duration", "addressed", "caps", "exclamation", "question", "negation", "elongation", "link",
    ];

    public static int Count => Names.Length;

    public static void Fill(in CueCounts c, float[] dense)
    {
        dense[0] = Capped(c.Legal, 2);
        dense[1] = Capped(c.Safety, 2);
        dense[2] = Capped(c.Churn, 2);
        dense[3] = Capped(c.Media, 2);
        dense[4] = Capped(c.Discrimination, 2);
        dense[5] = Capped(c.Blame, 2);
        dense[6] = Capped(c.Accusation, 2);
        dense[7] = Capped(c.Service, 3);
        dense[8] = Capped(c.Repetition, 2);
        dense[9] = Capped(c.Profanity, 2);
        dense[10] = Capped(c.Durations, 1);
        dense[11] = c.LeadingMention ? 1f : c.Mentions > 0 ? 0.5f : 0f;
        dense[12] = c.CapsRatio;
        dense[13] = Capped(c.Exclamations, 4);
        dense[14] = Capped(c.Questions, 3);
        dense[15] = Capped(c.Negation, 2);
        dense[16] = Capped(c.Elongations, 1);
        dense[17] = Capped(c.Links, 1);
    }

    private static float Capped(int value, int cap) => Math.Min(value, cap) / (float)cap;
}
