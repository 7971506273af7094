using SocialWatch.Core.Mentions;

namespace SocialWatch.Storage;

/// <summary>Key of a row a set-based insert reported back.</summary>
internal sealed class InsertedKey
{
    public long Id { get; set; }
    public string Source { get; set; } = "";
    public string ExternalId { get; set; } = "";
}

/// <summary>Helpers for the set-based batch inserts (one statement for a whole page).</summary>
internal static class MentionBatches
{
    /// <summary>The first mention of each (source, external id) in the page, in page order, with its text cleaned.</summary>
    public static List<ScoredMention> FirstOfEachKey(IReadOnlyList<ScoredMention> mentions)
    {
        var seen = new HashSet<(string, string)>(mentions.Count);
        var unique = new List<ScoredMention>(mentions.Count);
        foreach (var scored in mentions)
        {
            if (seen.Add((scored.Mention.Source, scored.Mention.ExternalId)))
            {
                unique.Add(StorageText.Clean(scored));
            }
        }

        return unique;
    }

    /// <summary>Pairs the keys a statement returned (in no guaranteed order) with the page's mentions, in page order.</summary>
    public static List<StoredMention> InInputOrder(IReadOnlyList<ScoredMention> unique, IEnumerable<InsertedKey> keys)
    {
        var ids = keys.ToDictionary(k => (k.Source, k.ExternalId), k => k.Id);
        var inserted = new List<StoredMention>(ids.Count);
        foreach (var scored in unique)
        {
            if (ids.TryGetValue((scored.Mention.Source, scored.Mention.ExternalId), out var id))
            {
                inserted.Add(new StoredMention(id, scored.Mention, scored.Score, Redacted: false));
            }
        }

        return inserted;
    }
}
