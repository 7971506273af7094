namespace SocialWatch.Core.Scoring;

/// <summary>
/// One model version as every host of the cluster sees it: the version's files travel as one compressed archive,
/// its metrics (the metrics.json written by training) are kept beside it for listing.
/// </summary>
public sealed record ModelVersion
{
    public required string Version { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>What stored it: "retrain", "import" (the shipped model, on first start), "cli".</summary>
    public required string CreatedBy { get; init; }

    /// <summary>The version's metrics.json as written by training; null when the version has none.</summary>
    public string? MetricsJson { get; init; }
}

/// <summary>The version every host should serve, recorded once for the cluster, and the one it replaced.</summary>
public sealed record PromotedModel(string Version, string? Previous, DateTimeOffset PromotedAt, string PromotedBy);

/// <summary>
/// Model versions kept where every host can read them (the database), and the single promoted version. A promotion
/// or rollback changes the promoted version, keeps the one it replaced for the next rollback and writes the admin
/// audit entry, all in one transaction.
/// </summary>
public interface IModelVersionStore
{
    /// <summary>Stores a new version with its files; false when a version of that name is already stored (nothing changes).</summary>
    Task<bool> AddAsync(ModelVersion version, byte[] archive, CancellationToken cancellationToken);

    /// <summary>Every stored version, newest first, without the archives.</summary>
    Task<IReadOnlyList<ModelVersion>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The archive of a version's files; null when no such version is stored.</summary>
    Task<byte[]?> GetArchiveAsync(string version, CancellationToken cancellationToken);

    /// <summary>The promoted version; null before the first promotion. A cheap query: every host polls it.</summary>
    Task<PromotedModel?> GetPromotedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes <paramref name="version"/> the promoted version and keeps the one it replaces as the rollback target.
    /// Throws <see cref="ModelVersionException"/> when the version is not stored or is already promoted.
    /// </summary>
    Task<PromotedModel> PromoteAsync(string version, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Promotes again the version the current one replaced; its own predecessor becomes the next rollback target.
    /// Throws <see cref="ModelVersionException"/> when nothing was promoted before the current version.
    /// </summary>
    Task<PromotedModel> RollbackAsync(string actor, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>A promotion or rollback that cannot happen (unknown version, nothing to roll back to); the message says why.</summary>
public sealed class ModelVersionException : Exception
{
    public ModelVersionException(string message)
        : base(message)
    {
    }

    public ModelVersionException()
    {
    }

    public ModelVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
