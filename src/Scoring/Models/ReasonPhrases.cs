using System.Collections.Concurrent;
using System.Globalization;
using SocialWatch.Scoring.Features;

namespace SocialWatch.Scoring.Models;

/// <summary>
/// The texts of the reasons that carry a figure ("author reach 48k", "reposts doubling every 30 min"). Reasons repeat
/// across millions of mentions, so every phrase a figure can round to is built once, when the model is, and serving
/// only looks it up. Each model owns its tables: nothing is shared between models or written after construction,
/// except the memo of interaction phrases, whose two figures have too many combinations to build up front.
/// </summary>
internal sealed class ReasonPhrases
{
    /// <summary>Counts below 1,000, then 1.0k–10k, 10k–1,000k, 1.0M–10M and 10M–999M: every way a count prints.</summary>
    private const int CountSlots = 1_000 + 101 + 1_001 + 101 + 1_000;

    /// <summary>Minutes 0–99 (1–89 occur), then tenths of an hour up to 48 h; a doubling time beyond counts nothing.</summary>
    private const int DurationSlots = 100 + 481;

    /// <summary>How many interaction phrases a model remembers; past it they are built per reason.</summary>
    private const int MaxInteractionPhrases = 20_000;

    /// <summary>An interactions-in-window key packs the count key and the window's duration key.</summary>
    private const long WindowKeys = 1_000_000;

    private readonly string[] _counts = new string[CountSlots];
    private readonly string[] _reach = new string[CountSlots];
    private readonly string[] _engagement = new string[CountSlots];
    private readonly string[] _repostRate = new string[CountSlots];
    private readonly string[] _durations = new string[DurationSlots];
    private readonly string[] _doubling = new string[DurationSlots];
    private readonly string[] _historyWeek = [.. Enumerable.Range(0, 32).Select(HistoryWeekOf)];
    private readonly string[] _historyMonth = [.. Enumerable.Range(0, 128).Select(HistoryMonthOf)];
    private readonly string[] _intensity = [.. Enumerable.Range(0, 8).Select(IntensityOf)];
    private readonly ConcurrentDictionary<long, string> _interactions = new();
    private int _interactionCount;

    public ReasonPhrases()
    {
        for (var slot = 0; slot < CountSlots; slot++)
        {
            var count = FromKey(CountKeyOfSlot(slot));
            _counts[slot] = count;
            _reach[slot] = "author reach " + count;
            _engagement[slot] = "engagement " + count;
            _repostRate[slot] = "reposts " + count + "/h";
        }

        for (var slot = 0; slot < DurationSlots; slot++)
        {
            var duration = DurationFromKey(slot < 100 ? slot : 100_000 + slot - 100);
            _durations[slot] = duration;
            _doubling[slot] = "reposts doubling every " + duration;
        }
    }

    public string Reach(long followers) => Count(_reach, "author reach ", CompactKey(followers), "");

    public string Engagement(long interactions) => Count(_engagement, "engagement ", CompactKey(interactions), "");

    public string RepostRate(double perHour) => Count(_repostRate, "reposts ", CompactKey((long)Math.Round(perHour)), "/h");

    public string Doubling(TimeSpan doublingTime)
    {
        var key = DurationKey(doublingTime);
        return DurationSlot(key) is var slot and >= 0 ? _doubling[slot] : "reposts doubling every " + DurationFromKey(key);
    }

    /// <summary>"1.2k interactions in 30 min": what a watched post gained between two reads.</summary>
    public string Interactions(long gained, TimeSpan window)
    {
        var countKey = CompactKey(gained);
        var durationKey = Math.Min(DurationKey(window), WindowKeys - 1);
        var key = (countKey * WindowKeys) + durationKey;
        if (_interactions.TryGetValue(key, out var phrase))
        {
            return phrase;
        }

        phrase = CountText(countKey) + " interactions in " + DurationText(durationKey);
        if (Volatile.Read(ref _interactionCount) < MaxInteractionPhrases && _interactions.TryAdd(key, phrase))
        {
            Interlocked.Increment(ref _interactionCount);
        }

        return phrase;
    }

    public string HistoryWeek(int complaints) =>
        (uint)complaints < (uint)_historyWeek.Length ? _historyWeek[complaints] : HistoryWeekOf(complaints);

    public string HistoryMonth(int complaints) =>
        (uint)complaints < (uint)_historyMonth.Length ? _historyMonth[complaints] : HistoryMonthOf(complaints);

    public string Intensity(in CueCounts cues) =>
        _intensity[(cues.CapsRatio >= 0.3f ? 1 : 0) | (cues.Profanity > 0 ? 2 : 0) | (cues.Exclamations >= 2 ? 4 : 0)];

    private static string Count(string[] table, string prefix, long key, string suffix) =>
        CountSlot(key) is var slot and >= 0 ? table[slot] : prefix + FromKey(key) + suffix;

    private string CountText(long key) => CountSlot(key) is var slot and >= 0 ? _counts[slot] : FromKey(key);

    private string DurationText(long key) => DurationSlot(key) is var slot and >= 0 ? _durations[slot] : DurationFromKey(key);

    /// <summary>Two counts share a key exactly when <see cref="FromKey"/> prints them the same.</summary>
    private static long CompactKey(long n) => n switch
    {
        >= 10_000_000 => 4_000_000_000L + (long)Math.Round(n / 1_000_000.0, MidpointRounding.AwayFromZero),
        >= 1_000_000 => 3_000_000_000L + (long)Math.Round(n / 100_000.0, MidpointRounding.AwayFromZero),
        >= 10_000 => 2_000_000_000L + (long)Math.Round(n / 1_000.0, MidpointRounding.AwayFromZero),
        >= 1_000 => 1_000_000_000L + (long)Math.Round(n / 100.0, MidpointRounding.AwayFromZero),
        _ => Math.Max(0, n),
    };

    /// <summary>Table slot of a count key, or -1 for one no table holds.</summary>
    private static int CountSlot(long key)
    {
        var unit = key / 1_000_000_000L;
        var rest = key % 1_000_000_000L;
        return unit switch
        {
            0 when rest < 1_000 => (int)rest,
            1 when rest <= 100 => 1_000 + (int)rest,
            2 when rest <= 1_000 => 1_101 + (int)rest,
            3 when rest <= 100 => 2_102 + (int)rest,
            4 when rest < 1_000 => 2_203 + (int)rest,
            _ => -1,
        };
    }

    private static long CountKeyOfSlot(int slot) => slot switch
    {
        < 1_000 => slot,
        < 1_101 => 1_000_000_000L + slot - 1_000,
        < 2_102 => 2_000_000_000L + slot - 1_101,
        < 2_203 => 3_000_000_000L + slot - 2_102,
        _ => 4_000_000_000L + slot - 2_203,
    };

    private static string FromKey(long key)
    {
        var unit = key / 1_000_000_000L;
        var r = key % 1_000_000_000L;
        return unit switch
        {
            4 => r.ToString(CultureInfo.InvariantCulture) + "M",
            3 => (r / 10.0).ToString("0.#", CultureInfo.InvariantCulture) + "M",
            2 => r.ToString(CultureInfo.InvariantCulture) + "k",
            1 => (r / 10.0).ToString("0.#", CultureInfo.InvariantCulture) + "k",
            _ => r.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Two durations share a key exactly when <see cref="DurationFromKey"/> prints them the same.</summary>
    private static long DurationKey(TimeSpan t) =>
        t.TotalMinutes < 90 ? (long)Math.Max(1, Math.Round(t.TotalMinutes)) : 100_000 + (long)Math.Round(t.TotalHours * 10);

    /// <summary>Minutes are keys 1..89; longer times are 100,000 + tenths of an hour.</summary>
    private static int DurationSlot(long key)
    {
        var slot = key < 100_000 ? key : key - 100_000 + 100;
        return slot is >= 0 and < DurationSlots ? (int)slot : -1;
    }

    private static string DurationFromKey(long key) => key < 100_000
        ? key.ToString(CultureInfo.InvariantCulture) + " min"
        : ((key - 100_000) / 10.0).ToString("0.#", CultureInfo.InvariantCulture) + " h";

    private static string HistoryWeekOf(int complaints) => $"{Ordinal(complaints + 1)} complaint this week";

    private static string HistoryMonthOf(int complaints) => $"{complaints} earlier complaints in 30 days";

    /// <summary>Indexed by capitals (1), profanity (2), exclamations (4).</summary>
    private static string IntensityOf(int signs)
    {
        var parts = new List<string>(3);
        if ((signs & 1) != 0)
        {
            parts.Add("capitals");
        }

        if ((signs & 2) != 0)
        {
            parts.Add("profanity");
        }

        if ((signs & 4) != 0)
        {
            parts.Add("exclamations");
        }

        return parts.Count == 0 ? "angry tone" : "angry tone: " + string.Join(", ", parts);
    }

    private static string Ordinal(int n) => n switch
    {
        1 => "first",
        2 => "second",
        3 => "third",
        4 => "fourth",
        _ => n.ToString(CultureInfo.InvariantCulture) + "th",
    };
}
