namespace SocialWatch.Scoring.Vader;

/// <summary>VADER's output: proportions of negative, neutral and positive valence, and the normalised compound score.</summary>
internal readonly record struct VaderScores(double Negative, double Neutral, double Positive, double Compound)
{
    /// <summary>The published thresholds: compound ≥ 0.05 positive, ≤ −0.05 negative, neutral between.</summary>
    public Core.Scoring.SentimentLabel Label => Compound >= 0.05
        ? Core.Scoring.SentimentLabel.Positive
        : Compound <= -0.05 ? Core.Scoring.SentimentLabel.Negative : Core.Scoring.SentimentLabel.Neutral;
}

/// <summary>
/// The VADER rule set, following the published reference implementation (vaderSentiment 3.3): lexicon valence,
/// booster and dampener words, negation within three preceding words, "never so/this", "without doubt",
/// "least", the "but" shift (0.5 before, 1.5 after), ALL-CAPS emphasis when the text mixes case,
/// idioms, exclamation and question-mark amplification, and normalisation score/sqrt(score²+15).
/// Emoji descriptions are not expanded: the emoji lexicon is not part of the shared data.
/// Baseline only; the product's models are in <c>Models/</c>.
/// </summary>
internal sealed class VaderAnalyzer(VaderLexicon lexicon)
{
    private const double BIncr = 0.293;
    private const double BDecr = -0.293;
    private const double CIncr = 0.733;
    private const double NScalar = -0.74;
    private const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private static readonly HashSet<string> s_negate = new(StringComparer.Ordinal)
    {
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't",
        "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt",
        "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt", "needn't",
        "never", "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt",
        "werent", "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt",
        "won't", "wouldn't", "rarely", "seldom", "despite",
    };

    private static readonly Dictionary<string, double> s_boosters = BuildBoosters();

    private static readonly Dictionary<string, double> s_specialCases = new(StringComparer.Ordinal)
    {
        ["the shit"] = 3, ["the bomb"] = 3, ["bad ass"] = 1.5, ["badass"] = 1.5, ["bus stop"] = 0.0,
        ["yeah right"] = -2, ["kiss of death"] = -1.5, ["to die for"] = 3, ["beating heart"] = 3.1,
        ["broken heart"] = -2.9,
    };

    public VaderScores PolarityScores(string text)
    {
        var words = SplitWords(text);
        var lower = new string[words.Length];
        for (var k = 0; k < words.Length; k++)
        {
            lower[k] = words[k].ToLowerInvariant();
        }

        var isCapDiff = AllCapDifferential(words);
        var sentiments = new List<double>(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            if (s_boosters.ContainsKey(lower[i]))
            {
                sentiments.Add(0);
                continue;
            }

            if (i < words.Length - 1 && lower[i] == "kind" && lower[i + 1] == "of")
            {
                sentiments.Add(0);
                continue;
            }

            sentiments.Add(SentimentValence(words, lower, i, isCapDiff));
        }

        ButCheck(lower, sentiments);
        return ScoreValence(sentiments, text);
    }

    private double SentimentValence(string[] words, string[] lower, int i, bool isCapDiff)
    {
        var item = lower[i];
        if (!lexicon.TryGetValence(item, out var baseValence))
        {
            return 0;
        }

        var valence = baseValence;
        // "no" before another lexicon word is a negation, not a sentiment of its own.
        if (item == "no" && i != words.Length - 1 && lexicon.Contains(lower[i + 1]))
        {
            valence = 0.0;
        }

        if ((i > 0 && lower[i - 1] == "no") || (i > 1 && lower[i - 2] == "no")
            || (i > 2 && lower[i - 3] == "no" && lower[i - 1] is "or" or "nor"))
        {
            valence = baseValence * NScalar;
        }

        if (IsUpper(words[i]) && isCapDiff)
        {
            valence += valence > 0 ? CIncr : -CIncr;
        }

        for (var startI = 0; startI < 3; startI++)
        {
            if (i > startI && !lexicon.Contains(lower[i - (startI + 1)]))
            {
                var s = ScalarIncDec(words[i - (startI + 1)], lower[i - (startI + 1)], valence, isCapDiff);
                if (startI == 1 && s != 0)
                {
                    s *= 0.95;
                }
                else if (startI == 2 && s != 0)
                {
                    s *= 0.9;
                }

                valence += s;
                valence = NegationCheck(valence, lower, startI, i);
                if (startI == 2)
                {
                    valence = SpecialIdiomsCheck(valence, lower, i);
                }
            }
        }

        return LeastCheck(valence, lower, i);
    }

    private double LeastCheck(double valence, string[] lower, int i)
    {
        if (i > 1 && !lexicon.Contains(lower[i - 1]) && lower[i - 1] == "least")
        {
            if (lower[i - 2] != "at" && lower[i - 2] != "very")
            {
                valence *= NScalar;
            }
        }
        else if (i > 0 && !lexicon.Contains(lower[i - 1]) && lower[i - 1] == "least")
        {
            valence *= NScalar;
        }

        return valence;
    }

    private static double NegationCheck(double valence, string[] lower, int startI, int i)
    {
        switch (startI)
        {
            case 0:
                if (Negated(lower[i - 1]))
                {
                    valence *= NScalar;
                }

                break;
            case 1:
                if (lower[i - 2] == "never" && lower[i - 1] is "so" or "this")
                {
                    valence *= 1.25;
                }
                else if (lower[i - 2] == "without" && lower[i - 1] == "doubt")
                {
                    // "without doubt" affirms.
                }
                else if (Negated(lower[i - 2]))
                {
                    valence *= NScalar;
                }

                break;
            default:
                if ((lower[i - 3] == "never" && lower[i - 2] is "so" or "this") || lower[i - 1] is "so" or "this")
                {
                    valence *= 1.25;
                }
                else if (lower[i - 3] == "without" && (lower[i - 2] == "doubt" || lower[i - 1] == "doubt"))
                {
                    // "without a doubt" affirms.
                }
                else if (Negated(lower[i - 3]))
                {
                    valence *= NScalar;
                }

                break;
        }

        return valence;
    }

    private static double SpecialIdiomsCheck(double valence, string[] lower, int i)
    {
        var oneZero = $"{lower[i - 1]} {lower[i]}";
        var twoOneZero = $"{lower[i - 2]} {lower[i - 1]} {lower[i]}";
        var twoOne = $"{lower[i - 2]} {lower[i - 1]}";
        var threeTwoOne = $"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}";
        var threeTwo = $"{lower[i - 3]} {lower[i - 2]}";
        foreach (var seq in (ReadOnlySpan<string>)[oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo])
        {
            if (s_specialCases.TryGetValue(seq, out var v))
            {
                valence = v;
                break;
            }
        }

        if (lower.Length - 1 > i && s_specialCases.TryGetValue($"{lower[i]} {lower[i + 1]}", out var zeroOne))
        {
            valence = zeroOne;
        }

        if (lower.Length - 1 > i + 1 && s_specialCases.TryGetValue($"{lower[i]} {lower[i + 1]} {lower[i + 2]}", out var zeroOneTwo))
        {
            valence = zeroOneTwo;
        }

        foreach (var nGram in (ReadOnlySpan<string>)[threeTwoOne, threeTwo, twoOne])
        {
            if (s_boosters.TryGetValue(nGram, out var b))
            {
                valence += b;
            }
        }

        return valence;
    }

    private static void ButCheck(string[] lower, List<double> sentiments)
    {
        var bi = Array.IndexOf(lower, "but");
        if (bi < 0)
        {
            return;
        }

        for (var si = 0; si < sentiments.Count; si++)
        {
            if (si < bi)
            {
                sentiments[si] *= 0.5;
            }
            else if (si > bi)
            {
                sentiments[si] *= 1.5;
            }
        }
    }

    private static VaderScores ScoreValence(List<double> sentiments, string text)
    {
        if (sentiments.Count == 0)
        {
            return new VaderScores(0, 0, 0, 0);
        }

        var sum = 0.0;
        foreach (var s in sentiments)
        {
            sum += s;
        }

        var punctuation = PunctuationEmphasis(text);
        if (sum > 0)
        {
            sum += punctuation;
        }
        else if (sum < 0)
        {
            sum -= punctuation;
        }

        var compound = Normalize(sum);
        double posSum = 0, negSum = 0, neuCount = 0;
        foreach (var s in sentiments)
        {
            if (s > 0)
            {
                posSum += s + 1; // offsets the neutral words counted as 1
            }
            else if (s < 0)
            {
                negSum += s - 1;
            }
            else
            {
                neuCount += 1;
            }
        }

        if (posSum > Math.Abs(negSum))
        {
            posSum += punctuation;
        }
        else if (posSum < Math.Abs(negSum))
        {
            negSum -= punctuation;
        }

        var total = posSum + Math.Abs(negSum) + neuCount;
        return new VaderScores(
            Math.Round(Math.Abs(negSum / total), 3),
            Math.Round(Math.Abs(neuCount / total), 3),
            Math.Round(Math.Abs(posSum / total), 3),
            Math.Round(compound, 4));
    }

    internal static double Normalize(double score, double alpha = 15)
    {
        var norm = score / Math.Sqrt((score * score) + alpha);
        return Math.Clamp(norm, -1.0, 1.0);
    }

    private static double PunctuationEmphasis(string text)
    {
        var ep = Math.Min(text.Count(c => c == '!'), 4) * 0.292;
        var qm = text.Count(c => c == '?');
        var qmAmplifier = qm > 1 ? (qm <= 3 ? qm * 0.18 : 0.96) : 0;
        return ep + qmAmplifier;
    }

    private static double ScalarIncDec(string word, string lowered, double valence, bool isCapDiff)
    {
        if (!s_boosters.TryGetValue(lowered, out var scalar))
        {
            return 0.0;
        }

        if (valence < 0)
        {
            scalar *= -1;
        }

        if (IsUpper(word) && isCapDiff)
        {
            scalar += valence > 0 ? CIncr : -CIncr;
        }

        return scalar;
    }

    private static bool Negated(string lowered) => s_negate.Contains(lowered) || lowered.Contains("n't", StringComparison.Ordinal);

    /// <summary>True when some, but not all, words are in capitals: only then do capitals add emphasis.</summary>
    private static bool AllCapDifferential(string[] words)
    {
        var caps = 0;
        foreach (var w in words)
        {
            if (IsUpper(w))
            {
                caps++;
            }
        }

        return caps > 0 && caps < words.Length;
    }

    /// <summary>Python's str.isupper: at least one cased character and no lower-case one.</summary>
    private static bool IsUpper(string s)
    {
        var cased = false;
        foreach (var c in s)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            if (char.IsUpper(c))
            {
                cased = true;
            }
        }

        return cased;
    }

    /// <summary>Whitespace tokens with surrounding punctuation stripped, unless that leaves two characters or fewer (keeps ":)").</summary>
    private static string[] SplitWords(string text)
    {
        var raw = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var k = 0; k < raw.Length; k++)
        {
            var stripped = raw[k].Trim(Punctuation.ToCharArray());
            if (stripped.Length > 2)
            {
                raw[k] = stripped;
            }
        }

        return raw;
    }

    private static Dictionary<string, double> BuildBoosters()
    {
        var d = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var w in new[]
        {
            "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly", "deeply",
            "effing", "enormous", "enormously", "entirely", "especially", "exceptional", "exceptionally", "extreme",
            "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking", "fricking", "frickin", "frigging",
            "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
            "incredible", "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely",
            "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally", "tremendous",
            "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly", "very",
        })
        {
            d[w] = BIncr;
        }

        foreach (var w in new[]
        {
            "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less", "little",
            "marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely", "slight",
            "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of",
        })
        {
            d[w] = BDecr;
        }

        return d;
    }
}
