using System.Collections.Frozen;
using System.Globalization;

namespace SocialWatch.Scoring.Vader;

/// <summary>The VADER valence lexicon (Hutto &amp; Gilbert, ICWSM 2014, MIT): token, mean valence -4..4, sd, ratings.</summary>
internal sealed class VaderLexicon
{
    private readonly FrozenDictionary<string, double> _valence;

    private VaderLexicon(FrozenDictionary<string, double> valence) => _valence = valence;

    public int Count => _valence.Count;

    public bool TryGetValence(string lowered, out double valence) => _valence.TryGetValue(lowered, out valence);

    public bool Contains(string lowered) => _valence.ContainsKey(lowered);

    public static VaderLexicon Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"VADER lexicon not found at '{path}' (expected vader/vader_lexicon.txt in the data directory).", path);
        }

        var entries = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split('\t');
            if (parts.Length < 2 || parts[0].Length == 0)
            {
                continue;
            }

            if (double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                entries[parts[0]] = v;
            }
        }

        return new VaderLexicon(entries.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Builds a lexicon from pairs, for tests.</summary>
    public static VaderLexicon From(IEnumerable<KeyValuePair<string, double>> entries) =>
        new(entries.ToFrozenDictionary(StringComparer.Ordinal));
}
