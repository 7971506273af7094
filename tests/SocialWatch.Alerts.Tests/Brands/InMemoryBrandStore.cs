using SocialWatch.Core.Brands;

namespace SocialWatch.Alerts.Tests.Brands;

/// <summary>A brand store in a list, counting reads, for the directory and editor tests (the SQL stores have their own contract).</summary>
internal sealed class InMemoryBrandStore(TimeProvider time) : IBrandStore
{
    private readonly List<StoredBrand> _brands = [];

    public int Reads { get; private set; }

    public Exception? FailReadsWith { get; set; }

    public Task<IReadOnlyList<StoredBrand>> ListAsync(CancellationToken cancellationToken)
    {
        Reads++;
        if (FailReadsWith is { } failure)
        {
            return Task.FromException<IReadOnlyList<StoredBrand>>(failure);
        }

        return Task.FromResult<IReadOnlyList<StoredBrand>>([.. _brands.OrderBy(b => b.Brand.Name, StringComparer.OrdinalIgnoreCase)]);
    }

    public Task<StoredBrand> CreateAsync(Brand brand, string actor, CancellationToken cancellationToken)
    {
        if (Find(brand.Name) is not null)
        {
            throw new BrandNameTakenException(brand.Name);
        }

        var stored = new StoredBrand(brand, 1, actor, time.GetUtcNow(), actor, time.GetUtcNow());
        _brands.Add(stored);
        return Task.FromResult(stored);
    }

    public Task<StoredBrand> UpdateAsync(Brand brand, long expectedVersion, string actor, CancellationToken cancellationToken)
    {
        var current = Find(brand.Name) ?? throw new BrandNotFoundException(brand.Name);
        if (current.Version != expectedVersion)
        {
            throw new BrandVersionConflictException(current.Brand.Name, expectedVersion, current.Version);
        }

        var updated = current with { Brand = brand, Version = current.Version + 1, UpdatedBy = actor, UpdatedAt = time.GetUtcNow() };
        _brands[_brands.IndexOf(current)] = updated;
        return Task.FromResult(updated);
    }

    public Task DeleteAsync(string name, long expectedVersion, string actor, CancellationToken cancellationToken)
    {
        var current = Find(name) ?? throw new BrandNotFoundException(name);
        if (current.Version != expectedVersion)
        {
            throw new BrandVersionConflictException(current.Brand.Name, expectedVersion, current.Version);
        }

        _brands.Remove(current);
        return Task.CompletedTask;
    }

    private StoredBrand? Find(string name) => _brands.Find(b => string.Equals(b.Brand.Name, name, StringComparison.OrdinalIgnoreCase));
}
