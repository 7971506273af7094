using System.Globalization;

namespace SocialWatch.Core.Mentions;

/// <summary>
/// The range every number and date of a mention must lie in, wherever it came from. Input written by other systems
/// (push, replay, the <c>score</c> verb) is refused outside it with <see cref="Check"/>; what a network's own API
/// returns is clamped into it by the ingest normaliser with <see cref="Clamp"/>, so that an odd counter never loses a
/// post. Inside these bounds every sum of counters fits a 64-bit integer in C# and in SQL on every dialect.
/// </summary>
public static class MentionBounds
{
    /// <summary>
    /// Highest accepted like, repost, reply or quote count. The most engaged posts on any network stay below a few
    /// hundred million; ten billion leaves room and keeps four of them summed far from <see cref="long.MaxValue"/>.
    /// </summary>
    public const long MaxCount = 10_000_000_000;

    /// <summary>Highest accepted follower count: more than there are people, so no real account reaches it.</summary>
    public const long MaxFollowers = 10_000_000_000;

    /// <summary>Earliest accepted post date: before it none of the supported networks (nor RSS) existed.</summary>
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far ahead of this host's clock a post may be dated: the skew between a network's clock and ours.</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromDays(1);

    /// <summary>The problems of a mention's numbers and date, one message per field; empty when all are in bounds.</summary>
    /// <param name="createdAt">The post date as sent, or null when the sender gave none.</param>
    public static IReadOnlyList<string> Check(long followers, EngagementMetrics metrics, DateTimeOffset? createdAt, DateTimeOffset now)
    {
        List<string>? errors = null;
        if (followers is < 0 or > MaxFollowers)
        {
            (errors ??= []).Add(Invariant($"\"author.followers\" must be between 0 and {MaxFollowers:N0}."));
        }

        AddCount(ref errors, "likes", metrics.Likes);
        AddCount(ref errors, "reposts", metrics.Reposts);
        AddCount(ref errors, "replies", metrics.Replies);
        AddCount(ref errors, "quotes", metrics.Quotes);
        if (createdAt is { } at && !IsInWindow(at, now))
        {
            (errors ??= []).Add(Invariant(
                $"\"createdAt\" must be between {Earliest:yyyy-MM-dd} and {MaxFutureSkew.TotalHours:0} hours from now ({now.Add(MaxFutureSkew):yyyy-MM-ddTHH:mm:ssZ})."));
        }

        return errors ?? (IReadOnlyList<string>)[];
    }

    public static bool IsInWindow(DateTimeOffset createdAt, DateTimeOffset now) =>
        createdAt >= Earliest && createdAt <= Latest(now);

    /// <summary>The mention with every counter and its date moved into bounds; an out-of-window date becomes <paramref name="now"/>.</summary>
    public static Mention Clamp(Mention mention, DateTimeOffset now) => mention with
    {
        Author = mention.Author with { Followers = Math.Clamp(mention.Author.Followers, 0, MaxFollowers) },
        Metrics = Clamp(mention.Metrics),
        CreatedAt = IsInWindow(mention.CreatedAt, now) ? mention.CreatedAt : now,
    };

    public static EngagementMetrics Clamp(EngagementMetrics metrics) => new(
        Math.Clamp(metrics.Likes, 0, MaxCount),
        Math.Clamp(metrics.Reposts, 0, MaxCount),
        Math.Clamp(metrics.Replies, 0, MaxCount),
        Math.Clamp(metrics.Quotes, 0, MaxCount));

    private static DateTimeOffset Latest(DateTimeOffset now) =>
        now >= DateTimeOffset.MaxValue - MaxFutureSkew ? DateTimeOffset.MaxValue : now + MaxFutureSkew;

    private static void AddCount(ref List<string>? errors, string name, long value)
    {
        if (value is < 0 or > MaxCount)
        {
            (errors ??= []).Add(Invariant($"\"metrics.{name}\" must be between 0 and {MaxCount:N0}."));
        }
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
