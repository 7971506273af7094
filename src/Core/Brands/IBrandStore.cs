namespace SocialWatch.Core.Brands;

/// <summary>A brand kept in the database (added through the admin pages), with its version and who changed it.</summary>
/// <param name="Version">Starts at 1 and grows by one with every update; an update names the version it was based on.</param>
public sealed record StoredBrand(Brand Brand, long Version, string CreatedBy, DateTimeOffset CreatedAt, string UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>
/// Brands added by admins. Names are unique regardless of case and never change (they key cursors, jobs and stored
/// mentions). Every change is written to the admin audit in the same transaction.
/// </summary>
public interface IBrandStore
{
    /// <summary>Every stored brand, by name.</summary>
    Task<IReadOnlyList<StoredBrand>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Stores a new brand at version 1; throws <see cref="BrandNameTakenException"/> when the name is taken.</summary>
    Task<StoredBrand> CreateAsync(Brand brand, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the brand of that name when it is still at <paramref name="expectedVersion"/>; throws
    /// <see cref="BrandNotFoundException"/> or <see cref="BrandVersionConflictException"/> otherwise.
    /// </summary>
    Task<StoredBrand> UpdateAsync(Brand brand, long expectedVersion, string actor, CancellationToken cancellationToken);

    /// <summary>Deletes the brand's definition (not its stored mentions) under the same version check as an update.</summary>
    Task DeleteAsync(string name, long expectedVersion, string actor, CancellationToken cancellationToken);
}

public sealed class BrandNameTakenException(string name)
    : Exception($"A brand named '{name}' already exists.")
{
    public string Name { get; } = name;
}

public sealed class BrandNotFoundException(string name)
    : Exception($"There is no stored brand named '{name}' (it may have been deleted).")
{
    public string Name { get; } = name;
}

/// <summary>Someone else changed the brand since it was read.</summary>
public sealed class BrandVersionConflictException(string name, long expectedVersion, long actualVersion)
    : Exception($"Brand '{name}' was changed by someone else (version {actualVersion}, this edit was based on version {expectedVersion}).")
{
    public string Name { get; } = name;
    public long ExpectedVersion { get; } = expectedVersion;
    public long ActualVersion { get; } = actualVersion;
}
