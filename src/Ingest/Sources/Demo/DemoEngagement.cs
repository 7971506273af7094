using SocialWatch.Core.Mentions;

namespace SocialWatch.Ingest.Sources.Demo;

/// <summary>
/// How a simulated post's interactions evolve with its age: a pure function of parameters drawn from the post's seed,
/// so every host (and every refresh) answers the same for the same post at the same age.
/// </summary>
/// <remarks>
/// Ordinary posts saturate at a small gain: <c>initial + gain·(1 − e^(−age/settle))</c>, the gain proportional to the
/// author's followers. A post that catches fire follows a logistic cascade: after <see cref="Lag"/> it grows as
/// <c>initial·e^(t/τ)</c> (doubling every τ·ln 2) and levels off at <see cref="Size"/>, the usual shape of a repost
/// cascade that runs out of fresh audience. Counts are split into likes, reposts, replies and quotes by fixed shares,
/// so every counter only ever goes up.
/// </remarks>
internal sealed record DemoEngagement(
    double Initial,
    double Gain,
    TimeSpan Settle,
    bool CatchesFire,
    double Size,
    TimeSpan Tau,
    TimeSpan Lag,
    double LikeShare,
    double RepostShare,
    double ReplyShare)
{
    /// <summary>A post that collects a few interactions from its author's followers and then stops.</summary>
    public static DemoEngagement Quiet(ref DemoRandom random, DemoKind kind, long followers)
    {
        // Interactions per follower: praise collects likes, questions replies, complaints a mix; capped so that a small
        // account's complaint stays small whatever the draw.
        var rate = Math.Min(0.012, Math.Exp(Math.Log(0.003) + (0.8 * random.Normal())));
        if (kind == DemoKind.Praise)
        {
            rate *= 1.8;
        }

        var (likes, reposts, replies) = kind switch
        {
            DemoKind.Praise => (0.8, 0.1, 0.08),
            DemoKind.Question => (0.3, 0.03, 0.65),
            DemoKind.Neutral => (0.7, 0.08, 0.2),
            _ => (0.45, 0.12, 0.38),
        };
        return new DemoEngagement(
            Initial: random.Between(0, 3),
            Gain: followers * rate,
            Settle: TimeSpan.FromMinutes(random.Between(15.0, 120.0)),
            CatchesFire: false,
            Size: 0,
            Tau: TimeSpan.Zero,
            Lag: TimeSpan.Zero,
            likes,
            reposts,
            replies);
    }

    /// <summary>
    /// A complaint that strangers start reposting. The first one of a demo starts at once and fast, so a newcomer sees
    /// it climb within minutes; later ones may smoulder for up to 25 minutes first and grow at varied speeds.
    /// </summary>
    public static DemoEngagement Fire(ref DemoRandom random, bool first)
    {
        var size = Math.Exp(first ? random.Between(Math.Log(12_000), Math.Log(40_000)) : random.Between(Math.Log(2_500), Math.Log(60_000)));
        var tau = TimeSpan.FromMinutes(first ? random.Between(2.2, 2.8) : random.Between(3.0, 9.0));
        var lag = first ? TimeSpan.Zero : TimeSpan.FromMinutes(random.Between(0.0, 25.0));
        var likes = random.Between(0.5, 0.6);
        var reposts = random.Between(0.22, 0.3);
        return new DemoEngagement(
            Initial: random.Between(3.0, 6.0),
            Gain: 0,
            Settle: TimeSpan.FromMinutes(1),
            CatchesFire: true,
            size,
            tau,
            lag,
            likes,
            reposts,
            ReplyShare: random.Between(0.08, 0.12));
    }

    /// <summary>All interactions at <paramref name="age"/> (non-decreasing in age).</summary>
    public double Total(TimeSpan age)
    {
        var minutes = Math.Max(0, age.TotalMinutes);
        if (!CatchesFire)
        {
            return Initial + (Gain * (1 - Math.Exp(-minutes / Settle.TotalMinutes)));
        }

        // Logistic through Initial at t = 0: its midpoint lies where Initial·e^(t/τ) would reach half the size.
        var tau = Tau.TotalMinutes;
        var midpoint = tau * Math.Log(Size / Initial);
        var t = Math.Max(0, minutes - Lag.TotalMinutes);
        return Initial + (Size * (Logistic((t - midpoint) / tau) - Logistic(-midpoint / tau)));
    }

    public EngagementMetrics At(TimeSpan age)
    {
        var total = Total(age);
        var likes = (long)(total * LikeShare);
        var reposts = (long)(total * RepostShare);
        var replies = (long)(total * ReplyShare);
        var quotes = (long)(total * Math.Max(0, 1 - LikeShare - RepostShare - ReplyShare));
        return new EngagementMetrics(likes, reposts, replies, quotes);
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
