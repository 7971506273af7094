using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace SocialWatch.Ingest.Sources.Demo;

/// <summary>What a simulated post is meant to be (the models judge the text on their own).</summary>
internal enum DemoKind
{
    Question,
    Neutral,
    Praise,
    Complaint,

    /// <summary>A complaint with a legal threat, a safety issue, discrimination, the press or leaving the brand.</summary>
    Severe,

    /// <summary>A complaint about the incident of a burst.</summary>
    Incident,
}

internal sealed record DemoAuthor(string Id, string Handle, string Name, long Followers, bool Verified);

/// <summary>One simulated post: everything about it follows from the seed and its place in the stream.</summary>
/// <param name="Spreading">A complaint from a small account that catches fire.</param>
internal sealed record DemoPost(string ExternalId, DemoKind Kind, bool Spreading, string Text, string Language, DemoAuthor Author, DemoEngagement Engagement);

/// <summary>The posts of one burst that one poll returns.</summary>
internal readonly record struct BurstSlice(int Burst, int First, int Count);

/// <summary>
/// The simulated stream of one brand. Ordinary posts are numbered ("demo-{n}"); their kind, author, text and engagement
/// are drawn from the seed and n alone, so any host derives the same post, and a refresh needs nothing but the id.
/// Bursts are placed by poll number and add posts of their own ("demo-burst-{k}-{j}").
/// </summary>
internal sealed class DemoSimulator(IOptions<DemoOptions> options)
{
    /// <summary>The second post of the first poll is a complaint that catches fire, so a fresh demo shows one at once.</summary>
    public const long FirstSpreadingPost = 1;

    /// <summary>Followers below which an author counts as a small account.</summary>
    public const long SmallAccount = 2_000;

    private const string RegularPrefix = "demo-";
    private const string BurstPrefix = "demo-burst-";

    // Authors who post again and again, so that author history has something to count.
    private const int RegularAuthors = 80;
    private const double RepeatAuthorShare = 0.3;
    private const double ForeignShare = 0.05;

    // Shape of a burst: the posts' arrival times follow a gamma(2, θ) curve over the burst, rising fast and tailing off.
    private const double BurstTheta = 0.2;

    private static readonly ulong s_kind = DemoRandom.Stream("kind");
    private static readonly ulong s_author = DemoRandom.Stream("author");
    private static readonly ulong s_pool = DemoRandom.Stream("author-pool");
    private static readonly ulong s_text = DemoRandom.Stream("text");
    private static readonly ulong s_engagement = DemoRandom.Stream("engagement");
    private static readonly ulong s_time = DemoRandom.Stream("time");
    private static readonly ulong s_burst = DemoRandom.Stream("burst");
    private static readonly ulong s_burstPost = DemoRandom.Stream("burst-post");

    // Enough combinations that the first ten thousand posts of any kind never share a text, and a burst's posts neither.
    private const ulong MinCombinations = 10_500;
    private const ulong MaxBurstPosts = 2_000;

    private static readonly Style s_question = new(
        [.. DemoPhrases.Questions, .. DemoPhrases.NonNativeQuestions], DemoPhrases.Openers, DemoPhrases.QuestionLeadIns, DemoPhrases.QuestionLights, DemoPhrases.PoliteClosers, MinCombinations);
    private static readonly Style s_complaint = new(
        [.. DemoPhrases.Complaints, .. DemoPhrases.SarcasticComplaints, .. DemoPhrases.TerseComplaints, .. DemoPhrases.NonNativeComplaints],
        DemoPhrases.Openers,
        DemoPhrases.ComplaintLeadIns,
        DemoPhrases.ComplaintLights,
        [.. DemoPhrases.PoliteClosers, .. DemoPhrases.AngryClosers, .. DemoPhrases.SarcasticClosers],
        MinCombinations);
    private static readonly Style s_severe = new(DemoPhrases.Severe, null, DemoPhrases.ComplaintLeadIns, DemoPhrases.ComplaintLights, DemoPhrases.AngryClosers, MinCombinations);
    private static readonly Style s_story = new(DemoPhrases.Stories, null, DemoPhrases.ComplaintLeadIns, DemoPhrases.ComplaintLights, DemoPhrases.AngryClosers, MinCombinations);
    private static readonly Style s_praise = new(DemoPhrases.Praise, DemoPhrases.PraiseOpeners, DemoPhrases.ComplaintLeadIns, DemoPhrases.PraiseLights, [], MinCombinations);
    private static readonly Style s_neutral = new(DemoPhrases.Neutral, null, DemoPhrases.NeutralLeadIns, DemoPhrases.NeutralLights, [], MinCombinations);
    private static readonly Style[] s_incidents =
        [.. DemoPhrases.Incidents.Select(i => new Style(i.Texts, null, DemoPhrases.ComplaintLeadIns, DemoPhrases.ComplaintLights, [.. DemoPhrases.AngryClosers, .. DemoPhrases.SarcasticClosers], MaxBurstPosts))];

    private readonly DemoOptions _o = options.Value;

    /// <summary>Chance that an ordinary post is a complaint that catches fire: one per <see cref="DemoOptions.CascadeEvery"/> on average.</summary>
    private double FireChance => Math.Min(0.5, _o.PollInterval / _o.MentionsPerPoll / _o.CascadeEvery);

    /// <summary>Ordinary post number <paramref name="n"/> of the stream.</summary>
    public DemoPost Regular(string brand, long n)
    {
        var plan = DemoRandom.For(_o.Seed, s_kind, n);
        var spreading = n == FirstSpreadingPost || plan.Chance(FireChance);
        var kind = spreading ? DemoKind.Complaint : DrawKind(ref plan);
        var authorRandom = DemoRandom.For(_o.Seed, s_author, n);
        var author = !spreading && plan.Chance(RepeatAuthorShare)
            ? PoolAuthor(RepeatAuthorIndex(ref plan))
            : NewAuthor(ref authorRandom, "demo-author-n" + n.ToString(CultureInfo.InvariantCulture), smallAccount: spreading);

        var text = DemoRandom.For(_o.Seed, s_text, n);
        var language = "en";
        string body;
        if (!spreading && kind is DemoKind.Complaint or DemoKind.Question or DemoKind.Praise && plan.Chance(ForeignShare))
        {
            var foreign = DemoPhrases.Foreign.Where(f => f.Kind == kind).ToList();
            var (lang, _, phrase) = text.Pick(foreign);
            language = lang;
            body = DemoWriter.Fill(phrase, brand, ref text) + (text.Chance(0.3) ? " " + text.Pick(DemoPhrases.Hashtags) : "");
        }
        else
        {
            var style = kind switch
            {
                DemoKind.Question => s_question,
                DemoKind.Neutral => s_neutral,
                DemoKind.Praise => s_praise,
                DemoKind.Severe => s_severe,
                _ => spreading ? s_story : s_complaint,
            };
            body = style.Compose(n, (ulong)_o.Seed, brand, ref text, incident: null);
        }

        var engagementRandom = DemoRandom.For(_o.Seed, s_engagement, n);
        var engagement = spreading
            ? DemoEngagement.Fire(ref engagementRandom, first: n == FirstSpreadingPost)
            : DemoEngagement.Quiet(ref engagementRandom, kind, author.Followers);
        return new DemoPost(RegularPrefix + n.ToString(CultureInfo.InvariantCulture), kind, spreading, body, language, author, engagement);
    }

    /// <summary>Post <paramref name="j"/> of burst <paramref name="burst"/>: a complaint about the burst's incident.</summary>
    public DemoPost Burst(string brand, int burst, int j)
    {
        var incident = IncidentOf(burst, brand, out var style);
        var plan = DemoRandom.For(_o.Seed, s_burstPost, burst, j);
        var id = string.Create(CultureInfo.InvariantCulture, $"{BurstPrefix}{burst}-{j}");
        var author = plan.Chance(RepeatAuthorShare)
            ? PoolAuthor(RepeatAuthorIndex(ref plan))
            : NewAuthor(ref plan, string.Create(CultureInfo.InvariantCulture, $"demo-author-b{burst}-{j}"), smallAccount: false);
        var text = style.Compose(j, ((ulong)burst * 104_729UL) + (ulong)_o.Seed, brand, ref plan, incident);
        var engagement = DemoEngagement.Quiet(ref plan, DemoKind.Incident, author.Followers);
        return new DemoPost(id, DemoKind.Incident, false, text, "en", author, engagement);
    }

    /// <summary>The post an id of this source names, or null when the id is not one the simulator makes.</summary>
    public DemoPost? Find(string brand, string externalId)
    {
        if (externalId.StartsWith(BurstPrefix, StringComparison.Ordinal))
        {
            var parts = externalId[BurstPrefix.Length..].Split('-');
            return parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var burst)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var j)
                ? Burst(brand, burst, j)
                : null;
        }

        return externalId.StartsWith(RegularPrefix, StringComparison.Ordinal)
            && long.TryParse(externalId.AsSpan(RegularPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? Regular(brand, n)
            : null;
    }

    /// <summary>Where in the poll interval before "now" the post was written, as a fraction of the interval.</summary>
    public double Offset(DemoPost post)
    {
        var random = DemoRandom.For(_o.Seed, s_time, (long)(DemoRandom.Stream(post.ExternalId) >> 1));
        return random.NextDouble();
    }

    /// <summary>The burst posts poll number <paramref name="poll"/> returns, if a burst is under way then.</summary>
    public BurstSlice? BurstIn(long poll)
    {
        if (_o.BurstSize == 0)
        {
            return null;
        }

        var every = _o.BurstEvery / _o.PollInterval;
        var first = _o.FirstBurstAfter / _o.PollInterval;
        var length = BurstPolls;
        var near = (long)Math.Floor((poll - first) / every);
        for (var k = Math.Max(0, near - 1); k <= near + 1; k++)
        {
            var start = BurstStart((int)k);
            if (poll >= start && poll < start + length)
            {
                var from = BurstPostsBy(poll - start, length);
                var to = BurstPostsBy(poll - start + 1, length);
                return new BurstSlice((int)k, from, to - from);
            }
        }

        return null;
    }

    /// <summary>First poll of burst <paramref name="k"/>: the first at <see cref="DemoOptions.FirstBurstAfter"/>, later ones a quarter-spacing early or late.</summary>
    public long BurstStart(int k)
    {
        var every = _o.BurstEvery / _o.PollInterval;
        var first = _o.FirstBurstAfter / _o.PollInterval;
        var jitter = k == 0 ? 0 : DemoRandom.For(_o.Seed, s_burst, k, 1).Between(-0.25, 0.25);
        return (long)Math.Round(first + ((k + jitter) * every));
    }

    /// <summary>Polls a burst spans.</summary>
    public long BurstPolls => Math.Max(1, (long)Math.Round(_o.BurstLength / _o.PollInterval));

    /// <summary>What burst <paramref name="k"/> is about.</summary>
    public string IncidentName(int k) => IncidentOf(k, _o.Brand, out _).Name;

    private DemoWriter.Incident IncidentOf(int k, string brand, out Style style)
    {
        var random = DemoRandom.For(_o.Seed, s_burst, k);
        var type = random.Next(DemoPhrases.Incidents.Length);
        style = s_incidents[type];
        var city = random.Pick(DemoPhrases.Cities);
        var city2 = random.Pick(DemoPhrases.Cities);
        while (city2 == city)
        {
            city2 = random.Pick(DemoPhrases.Cities);
        }

        return new DemoWriter.Incident(DemoPhrases.Incidents[type].Incident, DemoWriter.Flight(DemoWriter.AirlineCode(brand), ref random), city, city2);
    }

    /// <summary>Posts of a burst that have arrived after <paramref name="polls"/> of its polls.</summary>
    private int BurstPostsBy(long polls, long length)
    {
        static double Cdf(double x) => 1 - ((1 + (x / BurstTheta)) * Math.Exp(-x / BurstTheta));
        var x = Math.Clamp((double)polls / length, 0, 1);
        return (int)Math.Round(_o.BurstSize * Cdf(x) / Cdf(1));
    }

    /// <summary>Shares of the ordinary stream, documented in docs/ingest.md; spreading complaints come on top.</summary>
    private static DemoKind DrawKind(ref DemoRandom random) => random.NextDouble() switch
    {
        < 0.30 => DemoKind.Question,
        < 0.43 => DemoKind.Neutral,
        < 0.61 => DemoKind.Praise,
        < 0.94 => DemoKind.Complaint,
        _ => DemoKind.Severe,
    };

    // A few regulars post far more often than the rest, as on any brand's mentions.
    private static int RepeatAuthorIndex(ref DemoRandom random) => (int)(RegularAuthors * Math.Pow(random.NextDouble(), 1.3));

    private DemoAuthor PoolAuthor(int k)
    {
        var random = DemoRandom.For(_o.Seed, s_pool, k);
        return NewAuthor(ref random, "demo-author-r" + k.ToString(CultureInfo.InvariantCulture), smallAccount: false);
    }

    private static DemoAuthor NewAuthor(ref DemoRandom random, string id, bool smallAccount)
    {
        var first = random.Pick(DemoPhrases.FirstNames);
        var last = random.Pick(DemoPhrases.LastNames);
        var name = random.NextDouble() switch
        {
            < 0.45 => $"{first} {last}",
            < 0.65 => $"{first} {last[0]}.",
            < 0.80 => first,
            < 0.90 => $"{first} {last}".ToLowerInvariant(),
            _ => $"{first} {last} {random.Pick(["✈️", "🌍", "☕", "🎸", "📷"])}",
        };

        var style = random.Pick(DemoPhrases.HandleStyles);
        var handle = style
            .Replace("{first}", Ascii(first), StringComparison.Ordinal)
            .Replace("{last}", Ascii(last), StringComparison.Ordinal)
            .Replace("{f}", Ascii(first)[..1], StringComparison.Ordinal)
            .Replace("{n2}", random.Between(10, 99).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{n3}", random.Between(100, 999).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        if (handle.Length > 15)
        {
            handle = handle[..15].TrimEnd('_', '.');
        }

        var followers = smallAccount ? (long)Math.Exp(random.Between(Math.Log(60), Math.Log(1_500))) : Followers(ref random);
        var verified = followers switch
        {
            > 100_000 => random.Chance(0.6),
            > 20_000 => random.Chance(0.15),
            _ => false,
        };
        return new DemoAuthor(id, handle, name, followers, verified);
    }

    /// <summary>Heavy-tailed: most accounts have a few hundred followers, a few percent are public figures with far more.</summary>
    private static long Followers(ref DemoRandom random)
    {
        if (random.Chance(0.04))
        {
            return (long)Math.Min(3_000_000, 20_000 * Math.Pow(1 - random.NextDouble(), -1 / 1.15));
        }

        return Math.Clamp((long)Math.Exp(Math.Log(260) + (1.35 * random.Normal())), 3, 60_000);
    }

    private static string Ascii(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The phrases of one kind of post and what may wrap them. Openers wrap phrases that do not name the brand, prefixes
    /// those that do; both lists are equally long, and every ending differs, so every combination number maps to a
    /// different text. Combination numbers come from a keyed permutation of the post's index, so consecutive posts
    /// do not walk through the phrases in order.
    /// </summary>
    private sealed class Style
    {
        private readonly string[] _templates;
        private readonly string[]? _openers;
        private readonly string[] _leadIns;
        private readonly string[] _endings;

        public Style(string[] templates, string[]? openers, string[] leadIns, string[] lights, string[] closers, ulong minCombinations)
        {
            if (openers is not null && openers.Length != leadIns.Length * DemoWriter.BrandForms)
            {
                throw new ArgumentException("There must be as many openers as lead-ins times brand forms.", nameof(openers));
            }

            _templates = templates;
            _openers = openers;
            _leadIns = leadIns;

            // Plain endings and single moods first; a hashtag after a closer only where more combinations are needed,
            // spread over all closers rather than repeating the first.
            var hashtags = DemoPhrases.Hashtags.Select(h => " " + h).ToList();
            var endings = new List<string>([.. lights, .. closers, .. hashtags]);
            var perEnding = (ulong)templates.Length * (ulong)Wrappings;
            var combined = hashtags.SelectMany(h => closers.Concat(lights.Where(l => l.Length > 0)).Select(c => c + h)).GetEnumerator();
            while ((ulong)endings.Count * perEnding < minCombinations && combined.MoveNext())
            {
                endings.Add(combined.Current);
            }

            _endings = [.. endings.Distinct()];
        }

        private int Wrappings => _leadIns.Length * DemoWriter.BrandForms;

        private ulong Combinations => (ulong)_templates.Length * (ulong)Wrappings * (ulong)_endings.Length;

        public string Compose(long index, ulong key, string brand, ref DemoRandom random, DemoWriter.Incident? incident)
        {
            var c = Permute((ulong)index % Combinations, Combinations, key);
            var template = _templates[(int)(c % (ulong)_templates.Length)];
            c /= (ulong)_templates.Length;
            var wrap = (int)(c % (ulong)Wrappings);
            c /= (ulong)Wrappings;
            var ending = _endings[(int)c];

            string text;
            if (_openers is null || template.Contains("{at}", StringComparison.Ordinal))
            {
                var body = DemoWriter.Fill(template, brand, ref random, incident, form: wrap % DemoWriter.BrandForms);
                text = DemoWriter.Join(_leadIns[wrap / DemoWriter.BrandForms], body);
            }
            else if (_openers[wrap] == DemoPhrases.HandleLast)
            {
                text = DemoWriter.Capitalise(DemoWriter.Fill(template, brand, ref random, incident)) + " @" + DemoWriter.Handle(brand);
            }
            else
            {
                text = DemoWriter.Fill(_openers[wrap], brand, ref random) + DemoWriter.Fill(template, brand, ref random, incident);
            }

            return text + ending;
        }

        /// <summary>
        /// A bijection on [0, <paramref name="m"/>): rounds of odd multiplication, xor-shift and keyed addition (each
        /// invertible on a power-of-two range), repeated until the value falls inside the range (cycle walking).
        /// </summary>
        private static ulong Permute(ulong x, ulong m, ulong key)
        {
            var bits = Math.Max(2, 64 - System.Numerics.BitOperations.LeadingZeroCount(m - 1));
            var mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
            do
            {
                x = (x * 0x9E3779B97F4A7C15UL) & mask;
                x ^= x >> ((bits / 2) + 1);
                x = (x + key) & mask;
                x = (x * 0xBF58476D1CE4E5B9UL) & mask;
                x ^= x >> ((bits / 3) + 1);
            }
            while (x >= m);

            return x;
        }
    }
}
