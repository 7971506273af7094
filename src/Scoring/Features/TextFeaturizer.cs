using System.Globalization;
using System.Numerics;

namespace SocialWatch.Scoring.Features;

/// <summary>
/// Turns a text into a sparse vector: hashed word unigrams and bigrams, hashed character trigrams of words
/// (spelling variants and elongations share weight), and a few dense cue features appended after the hash space.
/// The same code builds training rows and serving rows, so a saved model always sees the features it was trained on.
/// </summary>
internal static class TextFeaturizer
{
    /// <summary>Only the opening of a long post is read: brand mentions are short and the cost stays bounded.</summary>
    public const int MaxChars = 4000;

    private static readonly ulong s_urlHash = FeatureHash.Token("<url>");
    private static readonly ulong s_userHash = FeatureHash.Token("<user>");
    private static readonly ulong s_numberHash = FeatureHash.Token("<num>");
    private static readonly ulong s_startHash = FeatureHash.Token("<s>");
    private static readonly ulong s_exclamationHash = FeatureHash.Token("!");
    private static readonly ulong s_questionHash = FeatureHash.Token("?");
    private static readonly ulong s_butHash = FeatureHash.Token("but");
    private static readonly ulong s_howeverHash = FeatureHash.Token("however");
    private static readonly ulong s_thoughHash = FeatureHash.Token("though");
    private static readonly ulong s_althoughHash = FeatureHash.Token("although");

    /// <summary>The table bit of the negation group: a word carrying it opens a negation scope.</summary>
    internal const ushort NegationBit = 1 << (int)CueGroup.Negation;

    internal static bool IsContrast(ulong h) => h == s_butHash || h == s_howeverHash || h == s_thoughHash || h == s_althoughHash;

    /// <summary>Featurises <paramref name="text"/> into <paramref name="scratch"/> for a hash space of 2^<paramref name="bits"/>.</summary>
    public static void Featurize(ReadOnlySpan<char> text, int bits, FeatureScratch scratch)
    {
        if (text.Length > MaxChars)
        {
            text = text[..MaxChars];
        }

        var table = CueLexicon.Table;
        var indices = scratch.Indices;
        var word = scratch.Word;
        var count = 0;
        var cues = default(CueCounts);
        var previous = s_startHash;
        var phrase1 = 0UL; // the previous word token, for phrase lookups
        var previousKey2 = 0UL; // the previous two word tokens as a phrase key, 0 when not looked up
        ushort previousFound = 0, previousFound2 = 0; // table entries of those, for the phrase-opening marks
        var previousWasNumber = false;
        var firstToken = true;
        // Words after a negation ("not", "never", "can't") up to the next punctuation get a second, negated
        // feature ("no complaints", "can't fault", "not bad" read apart from "complaints", "fault", "bad"); words
        // after "but" / "however" / "though" get a contrast feature, since the clause after it usually carries the point.
        var negated = false;
        var contrast = false;
        var negator = false;
        var i = 0;
        var n = text.Length;

        while (i < n)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            ulong h;
            var isWord = false;
            var isNumber = false;
            if ((c | 0x20) is 'h' or 'w' && IsUrlStart(text[i..]))
            {
                while (i < n && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                h = s_urlHash;
                cues.Links++;
            }
            else if (c == '@' && i + 1 < n && IsHandleChar(text[i + 1]))
            {
                i++;
                while (i < n && IsHandleChar(text[i]))
                {
                    i++;
                }

                h = s_userHash;
                cues.Mentions++;
                if (firstToken)
                {
                    cues.LeadingMention = true;
                }
            }
            else if (char.IsLetter(c) || (c == '#' && i + 1 < n && char.IsLetter(text[i + 1])))
            {
                if (c == '#')
                {
                    i++;
                }

                int len = 0, upper = 0, lower = 0, run = 0;
                var last = '\0';
                var elongated = false;
                while (i < n)
                {
                    var ch = text[i];
                    char lc;
                    if (ch < AsciiLimit)
                    {
                        // Most mention text is ASCII: one table load classifies the character and lowering is a bit.
                        var flags = AsciiFlags[ch];
                        if ((flags & (Letter | Digit)) == 0)
                        {
                            if ((ch == '\'' || ch == '`') && i + 1 < n && char.IsLetter(text[i + 1]))
                            {
                                lc = '\'';
                            }
                            else
                            {
                                break;
                            }
                        }
                        else if ((flags & Upper) != 0)
                        {
                            upper++;
                            lc = (char)(ch | 0x20);
                        }
                        else
                        {
                            if ((flags & Lower) != 0)
                            {
                                lower++;
                            }

                            lc = ch;
                        }
                    }
                    else
                    {
                        if (!char.IsLetterOrDigit(ch))
                        {
                            if (ch == '\u2019' && i + 1 < n && char.IsLetter(text[i + 1]))
                            {
                                ch = '\'';
                            }
                            else
                            {
                                break;
                            }
                        }

                        if (char.IsUpper(ch))
                        {
                            upper++;
                        }
                        else if (char.IsLower(ch))
                        {
                            lower++;
                        }

                        lc = char.ToLowerInvariant(ch);
                    }

                    i++;
                    if (lc == last)
                    {
                        // "soooo" and "sooo" read the same: keep at most two repeats.
                        if (++run >= 3)
                        {
                            elongated = true;
                            continue;
                        }
                    }
                    else
                    {
                        run = 1;
                        last = lc;
                    }

                    if (len < word.Length)
                    {
                        word[len++] = lc;
                    }
                }

                var w = word.AsSpan(0, len);
                h = FeatureHash.Token(w);
                isWord = true;
                cues.Words++;
                if (upper >= 2 && lower == 0)
                {
                    cues.CapsWords++;
                }

                if (elongated)
                {
                    cues.Elongations++;
                }

                negator = false;
                if (len >= 3 && w.EndsWith("n't"))
                {
                    cues.Negation++;
                    negator = true;
                }

                count = AddCharTrigrams(w, bits, indices, count);
            }
            else if (char.IsDigit(c))
            {
                while (i < n && (char.IsDigit(text[i]) || ((text[i] is '.' or ',' or ':') && i + 1 < n && char.IsDigit(text[i + 1]))))
                {
                    i++;
                }

                h = s_numberHash;
                isNumber = true;
            }
            else if (c is '!' or '?')
            {
                var start = i;
                while (i < n && text[i] == c)
                {
                    i++;
                }

                if (c == '!')
                {
                    cues.Exclamations += i - start;
                    h = s_exclamationHash;
                }
                else
                {
                    cues.Questions += i - start;
                    h = s_questionHash;
                }
            }
            else if (char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(text[i + 1]))
            {
                h = FeatureHash.Token(text.Slice(i, 2));
                i += 2;
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol)
            {
                h = FeatureHash.Token(text.Slice(i, 1));
                i++;
            }
            else
            {
                var start = i;
                while (i < n && IsPunctuationRunChar(text[i]))
                {
                    i++;
                }

                if (i == start)
                {
                    i++; // a lone character of a kind we do not model
                    continue;
                }

                var runLength = i - start;
                if (runLength == 1 && text[start] is '.' or ',' or ';' or ':' or '"' or '\'' or '(' or ')' or '-' or '[' or ']' or '*' or '/' or '&')
                {
                    negated = false;
                    continue;
                }

                h = FeatureHash.Token(text.Slice(start, Math.Min(runLength, 4)));
            }

            firstToken = false;
            indices[count++] = FeatureHash.Slot(h, FeatureHash.UnigramSalt, bits);
            indices[count++] = FeatureHash.Slot(FeatureHash.PhraseNext(previous, h), FeatureHash.BigramSalt, bits);
            previous = h;
            if (!isWord && !isNumber)
            {
                negated = false;
            }

            if (isWord || isNumber)
            {
                // A two- or three-word phrase can only end here when the words before it open one, which the
                // table marks; most words open none, so most tokens cost a single probe.
                var found = table.Find(h);
                if (isWord)
                {
                    if (IsContrast(h))
                    {
                        contrast = true;
                        negated = false;
                    }
                    else
                    {
                        if (negated)
                        {
                            indices[count++] = FeatureHash.Slot(h, FeatureHash.NegatedSalt, bits);
                        }

                        if (contrast)
                        {
                            indices[count++] = FeatureHash.Slot(h, FeatureHash.ContrastSalt, bits);
                        }

                        if (negator || (found & NegationBit) != 0)
                        {
                            negated = true;
                        }
                    }
                }

                var groups = found;
                var key2 = 0UL;
                ushort found2 = 0;
                if ((previousFound & CueTable.OpensPhrase) != 0)
                {
                    key2 = FeatureHash.PhraseNext(phrase1, h);
                    found2 = table.Find(key2);
                    groups |= found2;
                }

                if ((previousFound2 & CueTable.OpensThreeWordPhrase) != 0)
                {
                    groups |= table.Find(FeatureHash.PhraseNext(previousKey2, h));
                }

                groups &= CueTable.GroupMask;
                if (groups != 0)
                {
                    AddGroups(ref cues, groups, previousWasNumber);
                }

                previousKey2 = key2;
                previousFound = found;
                previousFound2 = found2;
                phrase1 = h;
                previousWasNumber = isNumber;
            }

            if (count > indices.Length - (2 * word.Length) - 8)
            {
                break; // scratch full; only possible for pathological single-token texts near the limit
            }
        }

        scratch.Count = count;
        scratch.Scale = count > 0 ? 1f / MathF.Sqrt(count) : 0f;
        scratch.Cues = cues;
        DenseFeatures.Fill(in cues, scratch.Dense);
    }

    private static int AddCharTrigrams(ReadOnlySpan<char> w, int bits, int[] indices, int count)
    {
        if (w.Length < 3)
        {
            return count;
        }

        // Boundary marks make prefixes and suffixes ("re…", "…ed") their own grams.
        var a = (ulong)'^';
        var b = (ulong)w[0];
        for (var k = 1; k <= w.Length; k++)
        {
            var c = k < w.Length ? w[k] : '$';
            var gram = (a << 32) | (b << 16) | c;
            indices[count++] = FeatureHash.Slot(gram, FeatureHash.CharGramSalt, bits);
            a = b;
            b = c;
        }

        return count;
    }

    private static void AddGroups(ref CueCounts cues, ushort groups, bool previousWasNumber)
    {
        var bitsLeft = (uint)groups;
        while (bitsLeft != 0)
        {
            var group = (CueGroup)BitOperations.TrailingZeroCount(bitsLeft);
            bitsLeft &= bitsLeft - 1;
            if (group == CueGroup.TimeUnit)
            {
                if (previousWasNumber)
                {
                    cues.Durations++;
                }
            }
            else
            {
                cues.Add(group);
            }
        }
    }

    private const int AsciiLimit = 0x80;
    private const byte Letter = 1;
    private const byte Digit = 2;
    private const byte Upper = 4;
    private const byte Lower = 8;

    /// <summary>Letter, digit and case of each ASCII character, as char.IsLetterOrDigit, IsUpper and IsLower give them.</summary>
    private static ReadOnlySpan<byte> AsciiFlags =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0,
        0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0,
        0, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 0, 0, 0, 0, 0,
    ];

    private static bool IsHandleChar(char c) => c == '_' || char.IsAsciiLetterOrDigit(c);

    private static bool IsPunctuationRunChar(char c) =>
        c is not ('!' or '?' or '@' or '#') && !char.IsWhiteSpace(c) && !char.IsLetterOrDigit(c) && !char.IsSurrogate(c)
        && (char.IsPunctuation(c) || char.IsSymbol(c));

    private static bool IsUrlStart(ReadOnlySpan<char> s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || s.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Per-thread buffers for <see cref="TextFeaturizer"/>; reused so serving allocates nothing per mention.</summary>
internal sealed class FeatureScratch
{
    public int[] Indices { get; } = new int[(4 * TextFeaturizer.MaxChars) + 64];

    internal char[] Word { get; } = new char[256];

    /// <summary>Number of hashed entries in <see cref="Indices"/> (slots may repeat).</summary>
    public int Count { get; set; }

    /// <summary>Every hashed entry has this value: 1/sqrt(Count), so long and short texts weigh alike.</summary>
    public float Scale { get; set; }

    public float[] Dense { get; } = new float[DenseFeatures.Count];

    public CueCounts Cues { get; set; }
}
