namespace SocialWatch.Core.Brands;

/// <summary>
/// Every brand the service watches: the configured ones (read-only) and the ones admins stored. Ingest polls them,
/// the push endpoint checks names against them, retention and spike jobs walk them.
/// </summary>
public interface IBrandDirectory
{
    /// <summary>
    /// The current brands. Served from memory; implementations re-read after <see cref="Invalidate"/> and when their
    /// copy is older than a few seconds, so a change made on another host shows up shortly.
    /// </summary>
    ValueTask<BrandSet> GetAsync(CancellationToken cancellationToken);

    /// <summary>Drops the copy in memory, so that the next read sees a change this host just made.</summary>
    void Invalidate();
}

/// <summary>A brand of the directory and where it comes from.</summary>
/// <param name="Stored">The stored record (version, who changed it), or null for a brand from configuration.</param>
public sealed record BrandEntry(Brand Brand, StoredBrand? Stored)
{
    public bool FromConfiguration => Stored is null;
}

/// <summary>An immutable view of the directory at one moment, with lookup by name regardless of case.</summary>
public sealed class BrandSet
{
    private readonly Dictionary<string, BrandEntry> _byName;

    /// <param name="entries">Configured brands first; no two with the same name.</param>
    /// <param name="shadowed">Stored brands left out because a configured brand has their name.</param>
    public BrandSet(IReadOnlyList<BrandEntry> entries, IReadOnlyList<StoredBrand>? shadowed = null)
    {
        Entries = entries;
        Brands = [.. entries.Select(e => e.Brand)];
        Shadowed = shadowed ?? [];
        _byName = new Dictionary<string, BrandEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            if (!_byName.TryAdd(entry.Brand.Name, entry))
            {
                throw new ArgumentException($"Two brands are named '{entry.Brand.Name}'.", nameof(entries));
            }
        }
    }

    public static BrandSet Empty { get; } = new([]);

    public IReadOnlyList<BrandEntry> Entries { get; }

    public IReadOnlyList<Brand> Brands { get; }

    public IReadOnlyList<StoredBrand> Shadowed { get; }

    public BrandEntry? FindEntry(string name) => _byName.GetValueOrDefault(name);

    public Brand? Find(string name) => FindEntry(name)?.Brand;
}
