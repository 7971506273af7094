using System.Buffers;
using SocialWatch.Core.Brands;

namespace SocialWatch.Ingest.Sources.Bluesky;

/// <summary>
/// Finds every brand a post names, for all brands at once: one Aho–Corasick automaton over the brands' keywords,
/// <c>@handles</c> and <c>#hashtags</c> reads the text once, whatever the number of brands; mention and tag facets are
/// dictionary look-ups. Case-insensitive (invariant lower case), whitespace runs count as one space, and a pattern
/// that starts or ends with a letter or digit must start or end at a word boundary ("acme air" is not in
/// "acme airlines"). Built once per brand set and immutable after, so it is safe to share.
/// </summary>
internal sealed class BrandMatcher
{
    private const int StackBufferChars = 1_024;
    private const int MinPatternChars = 2;

    private readonly ushort[] _classOf;
    private readonly int _stride;
    private readonly int[] _delta;
    private readonly int[] _outStart;
    private readonly int[] _outPatterns;
    private readonly int[] _outLink;
    private readonly Pattern[] _patterns;
    private readonly Dictionary<string, int[]> _handles;
    private readonly Dictionary<string, int[]> _dids;
    private readonly Dictionary<string, int[]> _tags;

    private BrandMatcher(
        IReadOnlyList<Brand> brands, ushort[] classOf, int stride, int[] delta, int[] outStart, int[] outPatterns, int[] outLink,
        Pattern[] patterns, Dictionary<string, int[]> handles, Dictionary<string, int[]> dids, Dictionary<string, int[]> tags)
    {
        Brands = brands;
        _classOf = classOf;
        _stride = stride;
        _delta = delta;
        _outStart = outStart;
        _outPatterns = outPatterns;
        _outLink = outLink;
        _patterns = patterns;
        _handles = handles;
        _dids = dids;
        _tags = tags;
    }

    public static BrandMatcher Empty { get; } = Build([]);

    public IReadOnlyList<Brand> Brands { get; }

    /// <summary>Patterns in the automaton (for the benchmark's report).</summary>
    public int PatternCount => _patterns.Length;

    /// <summary>States of the automaton (for the benchmark's report).</summary>
    public int StateCount => _outLink.Length;

    public static BrandMatcher Build(IReadOnlyList<Brand> brands)
    {
        var patterns = new List<(string Text, int Brand)>();
        var handles = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var dids = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var tags = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var b = 0; b < brands.Count; b++)
        {
            foreach (var raw in brands[b].Handles)
            {
                var handle = raw.Trim().TrimStart('@').ToLowerInvariant();
                if (handle.StartsWith("did:", StringComparison.Ordinal))
                {
                    Add(dids, handle, b);
                    continue;
                }

                if (handle.Length < MinPatternChars)
                {
                    continue;
                }

                Add(handles, handle, b);
                patterns.Add(("@" + handle, b));
                AddHashtag(handle);
            }

            foreach (var raw in brands[b].Keywords)
            {
                var keyword = Normalize(raw.Trim());
                if (keyword.StartsWith('@'))
                {
                    if (keyword.Length > MinPatternChars)
                    {
                        Add(handles, keyword[1..], b);
                        patterns.Add((keyword, b));
                    }

                    continue;
                }

                if (keyword.TrimStart('#').Length < MinPatternChars)
                {
                    continue;
                }

                if (!keyword.StartsWith('#'))
                {
                    patterns.Add((keyword, b));
                }

                AddHashtag(keyword);
            }

            // "Acme Air", "#AcmeAir" and "@acmeair" all make the hashtag "acmeair", as on Mastodon.
            void AddHashtag(string term)
            {
                var tag = Hashtag(term);
                if (tag.Length >= MinPatternChars)
                {
                    Add(tags, tag, b);
                    patterns.Add(("#" + tag, b));
                }
            }
        }

        var distinct = patterns.Distinct().ToList();
        return Compile(brands, distinct, Freeze(handles), Freeze(dids), Freeze(tags));
    }

    /// <summary>Indices into <see cref="Brands"/> of the brands the post names, ascending; empty (not allocated) when none.</summary>
    public IReadOnlyList<int> Match(JetstreamPost post)
    {
        List<int>? found = null;
        Scan(post.Text, ref found);
        foreach (var link in post.Links)
        {
            Scan(link, ref found);
        }

        foreach (var handle in post.MentionedHandles)
        {
            Look(_handles, handle, ref found);

            // "acmeair" configured names "acmeair.bsky.social" and "acmeair.com" alike; the full handle is stricter.
            var dot = handle.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0)
            {
                Look(_handles, handle[..dot], ref found);
            }
        }

        foreach (var did in post.MentionedDids)
        {
            Look(_dids, did, ref found);
        }

        foreach (var tag in post.Tags)
        {
            Look(_tags, tag, ref found);
        }

        if (found is null)
        {
            return [];
        }

        found.Sort();
        return found;
    }

    /// <summary>The brands whose patterns occur in a text (for tests and the benchmark's match-only figure).</summary>
    public IReadOnlyList<int> MatchText(string text)
    {
        List<int>? found = null;
        Scan(text, ref found);
        return found is null ? [] : found.Order().ToList();
    }

    private void Scan(string text, ref List<int>? found)
    {
        if (_patterns.Length == 0 || text.Length == 0)
        {
            return;
        }

        char[]? rented = null;
        var buffer = text.Length <= StackBufferChars
            ? stackalloc char[StackBufferChars]
            : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            var length = Normalize(text, buffer);
            Run(buffer[..length], ref found);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private void Run(ReadOnlySpan<char> text, ref List<int>? found)
    {
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            state = _delta[(state * _stride) + _classOf[text[i]]];
            for (var s = state; s > 0; s = _outLink[s])
            {
                for (var o = _outStart[s]; o < _outStart[s + 1]; o++)
                {
                    ref readonly var pattern = ref _patterns[_outPatterns[o]];
                    var start = i - pattern.Length + 1;
                    if ((!pattern.LeftBoundary || start == 0 || !IsWordChar(text[start - 1]))
                        && (!pattern.RightBoundary || i == text.Length - 1 || !IsWordChar(text[i + 1])))
                    {
                        AddBrand(ref found, pattern.Brand);
                    }
                }
            }
        }
    }

    private static void Look(Dictionary<string, int[]> lookup, string key, ref List<int>? found)
    {
        if (lookup.TryGetValue(key, out var brands))
        {
            foreach (var brand in brands)
            {
                AddBrand(ref found, brand);
            }
        }
    }

    private static void AddBrand(ref List<int>? found, int brand)
    {
        found ??= [];
        if (!found.Contains(brand))
        {
            found.Add(brand);
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>The hashtag a term becomes: its letters, digits and underscores, lower case.</summary>
    internal static string Hashtag(string term) =>
        string.Create(term.Count(c => char.IsLetterOrDigit(c) || c == '_'), term, static (span, t) =>
        {
            var n = 0;
            foreach (var c in t)
            {
                if (char.IsLetterOrDigit(c) || c == '_')
                {
                    span[n++] = char.ToLowerInvariant(c);
                }
            }
        });

    private static string Normalize(string text)
    {
        var buffer = new char[text.Length];
        return new string(buffer, 0, Normalize(text, buffer));
    }

    /// <summary>Lower case, every whitespace run one space, the typographic apostrophe as the ASCII one; never longer than the input.</summary>
    private static int Normalize(ReadOnlySpan<char> text, Span<char> into)
    {
        var n = 0;
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space && n > 0)
                {
                    into[n++] = ' ';
                }

                space = true;
                continue;
            }

            space = false;
            into[n++] = c == '\u2019' ? '\'' : char.ToLowerInvariant(c);
        }

        return n > 0 && into[n - 1] == ' ' ? n - 1 : n;
    }

    private static void Add(Dictionary<string, HashSet<int>> lookup, string key, int brand)
    {
        if (!lookup.TryGetValue(key, out var set))
        {
            lookup[key] = set = [];
        }

        set.Add(brand);
    }

    private static Dictionary<string, int[]> Freeze(Dictionary<string, HashSet<int>> lookup) =>
        lookup.ToDictionary(p => p.Key, p => p.Value.Order().ToArray(), StringComparer.Ordinal);

    private static BrandMatcher Compile(
        IReadOnlyList<Brand> brands, List<(string Text, int Brand)> patterns,
        Dictionary<string, int[]> handles, Dictionary<string, int[]> dids, Dictionary<string, int[]> tags)
    {
        // Characters no pattern contains share class 0, which always leads back to the root.
        var classOf = new ushort[char.MaxValue + 1];
        var classes = 1;
        foreach (var (text, _) in patterns)
        {
            foreach (var c in text)
            {
                if (classOf[c] == 0)
                {
                    classOf[c] = checked((ushort)classes++);
                }
            }
        }

        // The trie, as child lists per state.
        var children = new List<Dictionary<int, int>> { new() };
        var ends = new List<List<int>?> { null };
        for (var p = 0; p < patterns.Count; p++)
        {
            var state = 0;
            foreach (var c in patterns[p].Text)
            {
                var cls = classOf[c];
                if (!children[state].TryGetValue(cls, out var next))
                {
                    next = children.Count;
                    children[state][cls] = next;
                    children.Add([]);
                    ends.Add(null);
                }

                state = next;
            }

            (ends[state] ??= []).Add(p);
        }

        // Breadth first: failure links, the full transition table, and each state's nearest suffix state with output.
        var count = children.Count;
        var delta = new int[count * classes];
        var fail = new int[count];
        var outLink = new int[count];
        var queue = new Queue<int>();
        foreach (var (cls, child) in children[0])
        {
            delta[cls] = child;
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            var f = fail[state];
            outLink[state] = ends[f] is not null ? f : outLink[f];
            for (var cls = 0; cls < classes; cls++)
            {
                if (children[state].TryGetValue(cls, out var child))
                {
                    fail[child] = delta[(f * classes) + cls];
                    delta[(state * classes) + cls] = child;
                    queue.Enqueue(child);
                }
                else
                {
                    delta[(state * classes) + cls] = delta[(f * classes) + cls];
                }
            }
        }

        var outStart = new int[count + 1];
        var outPatterns = new List<int>();
        for (var s = 0; s < count; s++)
        {
            outStart[s] = outPatterns.Count;
            outPatterns.AddRange(ends[s] ?? []);
        }

        outStart[count] = outPatterns.Count;
        var compiled = patterns.Select(p => new Pattern(p.Text.Length, p.Brand, IsWordChar(p.Text[0]), IsWordChar(p.Text[^1]))).ToArray();
        return new BrandMatcher(brands, classOf, classes, delta, outStart, [.. outPatterns], outLink, compiled, handles, dids, tags);
    }

    private readonly record struct Pattern(int Length, int Brand, bool LeftBoundary, bool RightBoundary);
}
