using System.Globalization;
using System.Numerics;

using SocialWatch.Scoring.Features;

namespace SocialWatch.Scoring.Tests.Support;

/// <summary>
/// The featurizer as the shipped models were trained with it, written plainly (char.IsLetterOrDigit per character,
/// every phrase length probed for every word). The serving featurizer is faster and must give exactly these features.
/// </summary>
internal static class ReferenceFeaturizer
{
    /// <summary>Only the opening of a long post is read: brand mentions are short and the cost stays bounded.</summary>
    private const int MaxChars = TextFeaturizer.MaxChars;

    private static readonly ulong s_urlHash = FeatureHash.Token("<url>");
    private static readonly ulong s_userHash = FeatureHash.Token("<user>");
    private static readonly ulong s_numberHash = FeatureHash.Token("<num>");
    private static readonly ulong s_startHash = FeatureHash.Token("<s>");
    private static readonly ulong s_exclamationHash = FeatureHash.Token("!");
    private static readonly ulong s_questionHash = FeatureHash.Token("?");

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
        ulong phrase1 = 0, phrase2 = 0; // the two previous word tokens, for phrase lookups
        var previousWasNumber = false;
        bool negated = false, contrast = false, negator = false;
        var firstToken = true;
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
            if (IsUrlStart(text[i..]))
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
                    if (!char.IsLetterOrDigit(ch))
                    {
                        if ((ch == '\'' || ch == '\u2019' || ch == '`') && i + 1 < n && char.IsLetter(text[i + 1]))
                        {
                            ch = '\'';
                        }
                        else
                        {
                            break;
                        }
                    }

                    i++;
                    if (char.IsUpper(ch))
                    {
                        upper++;
                    }
                    else if (char.IsLower(ch))
                    {
                        lower++;
                    }

                    var lc = char.ToLowerInvariant(ch);
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
                var groups = table.Find(h);
                if (isWord)
                {
                    var isContrast = FeatureHash.Token("but") == h || FeatureHash.Token("however") == h
                        || FeatureHash.Token("though") == h || FeatureHash.Token("although") == h;
                    if (isContrast)
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

                        if (negator || (groups & (1 << (int)CueGroup.Negation)) != 0)
                        {
                            negated = true;
                        }
                    }
                }

                if (phrase1 != 0)
                {
                    var key2 = FeatureHash.PhraseNext(phrase1, h);
                    groups |= table.Find(key2);
                    if (phrase2 != 0)
                    {
                        groups |= table.Find(FeatureHash.PhraseNext(FeatureHash.PhraseNext(phrase2, phrase1), h));
                    }
                }

                if (groups != 0)
                {
                    AddGroups(ref cues, groups, previousWasNumber);
                }

                phrase2 = phrase1;
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

    private static bool IsHandleChar(char c) => c == '_' || char.IsAsciiLetterOrDigit(c);

    private static bool IsPunctuationRunChar(char c) =>
        c is not ('!' or '?' or '@' or '#') && !char.IsWhiteSpace(c) && !char.IsLetterOrDigit(c) && !char.IsSurrogate(c)
        && (char.IsPunctuation(c) || char.IsSymbol(c));

    private static bool IsUrlStart(ReadOnlySpan<char> s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || s.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
}
