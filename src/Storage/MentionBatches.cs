using SocialWatch.Core.Mentions;

namespace SocialWatch.Storage;

/// <summary>Key of a row a set-based insert reported back.</summary>
internal sealed class InsertedKey
{
    public long Id { get; set; }
    public string Source { get; set; } = "";
    public string ExternalId { get; set; } = "";
    public string Brand { get; set; } = "";
}

/// <summary>Helpers for the set-based batch inserts (one statement for a whole page).</summary>
internal static class MentionBatches
{
    /// <summary>
    /// A stored mention's key: one post is stored once per brand it was found for. Brand names are unique regardless of
    /// case (so SQL Server's key compares them that way), hence the comparer.
    /// </summary>
    public static readonly IEqualityComparer<(string Source, string ExternalId, string Brand)> KeyComparer = new MentionKeyComparer();

    /// <summary>The first mention of each (source, external id, brand) in the page, in page order, with its text cleaned.</summary>
    public static List<ScoredMention> FirstOfEachKey(IReadOnlyList<ScoredMention> mentions)
    {
        var seen = new HashSet<(string, string, string)>(mentions.Count, KeyComparer);
        var unique = new List<ScoredMention>(mentions.Count);
        foreach (var scored in mentions)
        {
            if (seen.Add((scored.Mention.Source, scored.Mention.ExternalId, scored.Mention.Brand)))
            {
                unique.Add(StorageText.Clean(scored));
            }
        }

        return unique;
    }

    /// <summary>Pairs the keys a statement returned (in no guaranteed order) with the page's mentions, in page order.</summary>
    public static List<StoredMention> InInputOrder(IReadOnlyList<ScoredMention> unique, IEnumerable<InsertedKey> keys)
    {
        var ids = keys.ToDictionary(k => (k.Source, k.ExternalId, k.Brand), k => k.Id, KeyComparer);
        var inserted = new List<StoredMention>(ids.Count);
        foreach (var scored in unique)
        {
            if (ids.TryGetValue((scored.Mention.Source, scored.Mention.ExternalId, scored.Mention.Brand), out var id))
            {
                inserted.Add(new StoredMention(id, scored.Mention, scored.Score, Redacted: false));
            }
        }

        return inserted;
    }

    private sealed class MentionKeyComparer : IEqualityComparer<(string Source, string ExternalId, string Brand)>
    {
        public bool Equals((string Source, string ExternalId, string Brand) x, (string Source, string ExternalId, string Brand) y) =>
            string.Equals(x.Source, y.Source, StringComparison.Ordinal)
            && string.Equals(x.ExternalId, y.ExternalId, StringComparison.Ordinal)
            && string.Equals(x.Brand, y.Brand, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Source, string ExternalId, string Brand) key) =>
            HashCode.Combine(
                StringComparer.Ordinal.GetHashCode(key.Source),
                StringComparer.Ordinal.GetHashCode(key.ExternalId),
                StringComparer.OrdinalIgnoreCase.GetHashCode(key.Brand));
    }
}
