using SocialWatch.Core.Scoring;

namespace SocialWatch.Scoring.Tests.Support;

/// <summary>The model version store's rules without a database (the SQL store is checked by its own contract).</summary>
internal sealed class InMemoryModelVersionStore : IModelVersionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (ModelVersion Version, byte[] Archive, string? Replaced)> _versions = [];
    private PromotedModel? _promoted;

    public int PromotedReads { get; private set; }

    public int ArchiveReads { get; private set; }

    public Task<bool> AddAsync(ModelVersion version, byte[] archive, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_versions.TryAdd(version.Version, (version, archive, null)));
        }
    }

    public Task<IReadOnlyList<ModelVersion>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ModelVersion>>([.. _versions.Values.Select(v => v.Version).OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Version, StringComparer.Ordinal)]);
        }
    }

    public Task<byte[]?> GetArchiveAsync(string version, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ArchiveReads++;
            return Task.FromResult(_versions.TryGetValue(version, out var v) ? v.Archive : null);
        }
    }

    public Task<PromotedModel?> GetPromotedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            PromotedReads++;
            return Task.FromResult(_promoted);
        }
    }

    public Task<PromotedModel> PromoteAsync(string version, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_versions.TryGetValue(version, out var stored))
            {
                throw new ModelVersionException($"There is no model version '{version}'.");
            }

            if (_promoted?.Version == version)
            {
                throw new ModelVersionException($"Model version '{version}' is already promoted.");
            }

            _versions[version] = stored with { Replaced = _promoted?.Version };
            _promoted = new PromotedModel(version, _promoted?.Version, at, actor);
            return Task.FromResult(_promoted);
        }
    }

    public Task<PromotedModel> RollbackAsync(string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_promoted?.Previous is not { } target)
            {
                throw new ModelVersionException("There is nothing to roll back to.");
            }

            _promoted = new PromotedModel(target, _versions[target].Replaced, at, actor);
            return Task.FromResult(_promoted);
        }
    }
}
