using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SocialWatch.Core.Brands;
using SocialWatch.Ingest.Sources.Bluesky;

namespace SocialWatch.Benchmarks;

/// <summary>
/// The Jetstream consumer's hot path on one core: parse each event and match it against every brand's patterns, for
/// 1,000 brands (keyword, product phrase, handle, hashtag each) over a replayed synthetic stream of posts shaped like
/// Jetstream's (text, langs, mention, tag and link facets, deletes among them). Storing and scoring only touch the
/// matched few per cent and are measured by the ingest benchmark.
/// </summary>
internal sealed class BlueskyBenchmark : IBenchmark
{
    // No official peak figure is published. A 2026 write-up of a firehose consumer (dev.to, "Building real-time Bluesky
    // analytics: ingesting 2.2M posts/day from the firehose") puts peak hours at 130,000+ posts an hour, about 36 a
    // second; bursts within an hour and growth go well above that, so the goal is set against a ceiling 14 times higher.
    private const double AssumedPeakPostsPerSecond = 500;
    private const double ReportedPeakHourPostsPerSecond = 130_000 / 3600.0;
    private const double Goal = 20;

    public string Name => "bluesky";

    public string Description => "Jetstream posts parsed and matched per second on one core for 1,000 brands, next to the network's peak post rate";

    public Task<int> RunAsync(string[] args)
    {
        var brandCount = Option(args, "--brands") ?? 1_000;
        var eventCount = Option(args, "--events") ?? 300_000;
        PinToOneCore();

        var random = new Random(14);
        var brands = MakeBrands(brandCount, random);
        var build = Stopwatch.StartNew();
        var matcher = BrandMatcher.Build(brands);
        build.Stop();
        var events = MakeStream(eventCount, brands, random);
        var bytes = events.Sum(e => (long)e.Length);

        // Warm-up: JIT and tiered compilation settle before the timed passes.
        Measure(events, matcher);
        var (posts, matched, parseAndMatch) = Best(() => Measure(events, matcher));
        var parsed = events.Select(e => JetstreamEvents.Parse(e).Post).OfType<JetstreamPost>().ToList();
        var (_, _, matchOnly) = Best(() => MeasureMatchOnly(parsed, matcher));

        var perSecond = posts / parseAndMatch.TotalSeconds;
        var matchPerSecond = parsed.Count / matchOnly.TotalSeconds;
        Console.WriteLine(Invariant($"bluesky: {brandCount:N0} brands -> {matcher.PatternCount:N0} patterns, {matcher.StateCount:N0} automaton states, built in {build.Elapsed.TotalMilliseconds:N0} ms"));
        Console.WriteLine(Invariant($"stream: {events.Count:N0} events ({posts:N0} posts, {events.Count - posts:N0} deletes and others), {bytes / 1024.0 / 1024.0:N1} MiB of JSON, {matched:N0} posts matched a brand ({100.0 * matched / posts:N2} %)"));
        Console.WriteLine(Invariant($"parse + match, one core: {perSecond:N0} posts/s ({events.Count / parseAndMatch.TotalSeconds:N0} events/s, {bytes / 1024.0 / 1024.0 / parseAndMatch.TotalSeconds:N0} MiB/s)"));
        Console.WriteLine(Invariant($"match only, one core:    {matchPerSecond:N0} posts/s ({1e9 / matchPerSecond:N0} ns a post)"));
        Console.WriteLine(Invariant($"network peak (assumed):  {AssumedPeakPostsPerSecond:N0} posts/s; a 2026 report puts peak hours at ~{ReportedPeakHourPostsPerSecond:N0} posts/s"));
        Console.WriteLine(Invariant($"headroom: {perSecond / AssumedPeakPostsPerSecond:N0}x the assumed peak ({perSecond / ReportedPeakHourPostsPerSecond:N0}x the reported peak hour); goal {Goal:N0}x: {(perSecond >= Goal * AssumedPeakPostsPerSecond ? "met" : "NOT met")}"));
        return Task.FromResult(0);
    }

    private static (int Posts, int Matched, TimeSpan Elapsed) Best(Func<(int, int, TimeSpan)> pass)
    {
        var best = pass();
        for (var i = 0; i < 2; i++)
        {
            var next = pass();
            if (next.Item3 < best.Item3)
            {
                best = next;
            }
        }

        return best;
    }

    private static (int Posts, int Matched, TimeSpan Elapsed) Measure(List<byte[]> events, BrandMatcher matcher)
    {
        int posts = 0, matched = 0;
        var clock = Stopwatch.StartNew();
        foreach (var e in events)
        {
            var result = JetstreamEvents.Parse(e);
            if (result.Post is { } post)
            {
                posts++;
                if (matcher.Match(post).Count > 0)
                {
                    matched++;
                }
            }
        }

        return (posts, matched, clock.Elapsed);
    }

    private static (int Posts, int Matched, TimeSpan Elapsed) MeasureMatchOnly(List<JetstreamPost> posts, BrandMatcher matcher)
    {
        var matched = 0;
        var clock = Stopwatch.StartNew();
        foreach (var post in posts)
        {
            if (matcher.Match(post).Count > 0)
            {
                matched++;
            }
        }

        return (posts.Count, matched, clock.Elapsed);
    }

    private static readonly string[] Syllables = ["ka", "ro", "mi", "ven", "tor", "al", "ex", "qui", "lo", "sa", "na", "bel", "dor", "fi", "gra", "zu", "pel", "ix", "mar", "co"];

    private static readonly string[] Products = ["air", "bank", "mobile", "foods", "energy", "rail", "pay", "cloud", "motors", "insurance"];

    private static readonly string[] Words =
    [
        "the", "a", "my", "is", "was", "to", "and", "of", "in", "it", "for", "on", "this", "that", "with", "just", "so",
        "not", "but", "have", "be", "are", "at", "we", "you", "they", "today", "again", "still", "never", "always", "day",
        "time", "people", "really", "love", "hate", "think", "know", "want", "need", "good", "bad", "new", "great", "lost",
        "flight", "bag", "phone", "order", "refund", "support", "waiting", "hours", "week", "morning", "night", "coffee",
        "cat", "dog", "music", "game", "news", "art", "book", "weather", "rain", "sun", "city", "home", "work", "friends",
        "airline", "service", "delivery", "account", "app", "update", "broken", "help", "thanks", "please", "why", "how",
        "what", "when", "who", "here", "there", "now", "then", "very", "much", "more", "some", "all", "any", "every",
        "über", "café", "niño", "страна", "東京", "🙂", "🔥", "😡",
    ];

    private static List<Brand> MakeBrands(int count, Random random)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var brands = new List<Brand>(count);
        while (brands.Count < count)
        {
            var name = string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => Syllables[random.Next(Syllables.Length)]));
            if (name.Length < 5 || !names.Add(name))
            {
                continue;
            }

            var display = char.ToUpperInvariant(name[0]) + name[1..];
            var product = Products[random.Next(Products.Length)];
            brands.Add(new Brand
            {
                Name = display,
                Handles = [name, name + "_help"],
                Keywords = [display, $"{display} {product}", $"#{name}{product}"],
            });
        }

        return brands;
    }

    /// <summary>Posts of 5–40 common words; about 2 % name a brand (keyword, phrase, @handle or #tag), 0.5 % by a mention facet only; 8 % are deletes.</summary>
    private static List<byte[]> MakeStream(int count, List<Brand> brands, Random random)
    {
        const long start = 1_733_000_000_000_000;
        var events = new List<byte[]>(count);
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var timeUs = start + (i * 1_000L);
            var did = "did:plc:" + (i % 50_000).ToString("x24", CultureInfo.InvariantCulture);
            var rkey = "3l" + i.ToString("x11", CultureInfo.InvariantCulture);
            if (random.NextDouble() < 0.08)
            {
                events.Add(Encoding.UTF8.GetBytes(
                    $$$"""{"did":"{{{did}}}","time_us":{{{timeUs}}},"kind":"commit","commit":{"rev":"3l3qo2vuowo2c","operation":"delete","collection":"app.bsky.feed.post","rkey":"{{{rkey}}}"}}"""));
                continue;
            }

            text.Clear();
            var words = random.Next(5, 41);
            for (var w = 0; w < words; w++)
            {
                text.Append(w == 0 ? "" : " ").Append(Words[random.Next(Words.Length)]);
            }

            var facets = new JsonArray();
            var roll = random.NextDouble();
            var brand = brands[random.Next(brands.Count)];
            if (roll < 0.02)
            {
                var named = random.Next(4) switch
                {
                    0 => brand.Keywords[0],
                    1 => brand.Keywords[1].ToUpperInvariant(),
                    2 => "@" + brand.Handles[0] + ".bsky.social",
                    _ => brand.Keywords[2],
                };
                text.Insert(0, named + " ");
            }
            else if (roll < 0.025)
            {
                var handle = "@" + brand.Handles[1] + ".bsky.social";
                text.Append(' ').Append(handle);
                var end = Encoding.UTF8.GetByteCount(text.ToString());
                facets.Add(Facet(end - Encoding.UTF8.GetByteCount(handle), end, "mention", "did", "did:plc:brand" + brand.Name.ToLowerInvariant()));
            }
            else if (roll < 0.10)
            {
                text.Append(" #art");
                var end = Encoding.UTF8.GetByteCount(text.ToString());
                facets.Add(Facet(end - 4, end, "tag", "tag", "art"));
            }
            else if (roll < 0.15)
            {
                text.Append(" news.example/story");
                var end = Encoding.UTF8.GetByteCount(text.ToString());
                facets.Add(Facet(end - 18, end, "link", "uri", "https://news.example/story/" + i.ToString(CultureInfo.InvariantCulture)));
            }

            var record = new JsonObject
            {
                ["$type"] = "app.bsky.feed.post",
                ["createdAt"] = DateTimeOffset.FromUnixTimeMilliseconds(timeUs / 1000).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                ["langs"] = new JsonArray("en"),
                ["text"] = text.ToString(),
            };
            if (facets.Count > 0)
            {
                record["facets"] = facets;
            }

            events.Add(Encoding.UTF8.GetBytes(new JsonObject
            {
                ["did"] = did,
                ["time_us"] = timeUs,
                ["kind"] = "commit",
                ["commit"] = new JsonObject
                {
                    ["rev"] = "3l3qo2vuowo2b",
                    ["operation"] = "create",
                    ["collection"] = "app.bsky.feed.post",
                    ["rkey"] = rkey,
                    ["record"] = record,
                    ["cid"] = "bafyreidwaivazkwu67xztlmuobx35hs2lnfh3kolmgfmucldvhd3sgzcqi",
                },
            }.ToJsonString()));
        }

        return events;
    }

    private static JsonObject Facet(int byteStart, int byteEnd, string kind, string field, string value) => new()
    {
        ["index"] = new JsonObject { ["byteStart"] = byteStart, ["byteEnd"] = byteEnd },
        ["features"] = new JsonArray(new JsonObject { ["$type"] = "app.bsky.richtext.facet#" + kind, [field] = value }),
    };

    private static void PinToOneCore()
    {
        try
        {
            if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
            {
                Process.GetCurrentProcess().ProcessorAffinity = 1;
                Console.WriteLine("bluesky: pinned to one core");
                return;
            }

            Console.WriteLine("bluesky: could not pin to one core; the timed loop is single-threaded");
        }
        catch (Exception ex) when (ex is PlatformNotSupportedException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            Console.WriteLine("bluesky: could not pin to one core; the timed loop is single-threaded");
        }
    }

    private static int? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
