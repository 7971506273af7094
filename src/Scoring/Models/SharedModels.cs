using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Scoring;
using SocialWatch.Scoring.Runtime;

namespace SocialWatch.Scoring.Models;

/// <summary>A stored version with what a listing shows of it.</summary>
public sealed record ModelVersionListing(ModelVersion Version, bool Promoted, bool Previous, ModelMetricsSummary Metrics);

/// <summary>The model this host serves, and what it last saw promoted for the cluster.</summary>
public sealed record ModelSyncStatus(string RunningVersion, string? PromotedVersion, DateTimeOffset? LastPolledAt, string? LastError);

/// <summary>
/// The cluster's model versions as this host uses them: versions live in <see cref="IModelVersionStore"/> (the
/// database every host reads), the promoted one is recorded there once, and <see cref="SyncAsync"/> (polled by
/// <see cref="ModelWatcher"/>) unpacks a newly promoted version into the local cache and swaps it into the scorer.
/// </summary>
public sealed partial class SharedModels : IDisposable
{
    private readonly IModelVersionStore _store;
    private readonly MentionScorer _scorer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sync = new(1, 1);
    private volatile ModelSyncStatus _status;

    public SharedModels(IModelVersionStore store, MentionScorer scorer, IOptions<ScoringOptions> options, TimeProvider time, ILogger<SharedModels> logger)
    {
        _store = store;
        _scorer = scorer;
        _time = time;
        _logger = logger;
        CacheDirectory = ResolveCache(options.Value.ModelCacheDirectory);
        _status = new ModelSyncStatus(scorer.ModelVersion, null, null, null);
    }

    /// <summary>Where promoted versions are unpacked on this host (under the data directory; the app folder may be read-only).</summary>
    public string CacheDirectory { get; }

    public ModelSyncStatus Status => _status with { RunningVersion = _scorer.ModelVersion };

    /// <summary>A folder for a retrain candidate in the cache.</summary>
    public string NewCandidateDirectory()
    {
        var directory = Path.Combine(CacheDirectory, "candidates", _time.GetUtcNow().ToString("yyyyMMdd-HHmmss-fff", System.Globalization.CultureInfo.InvariantCulture));
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>
    /// On first start of a cluster (nothing promoted yet) stores the model this host loaded at start (the shipped
    /// models/current) as the first version and promotes it. Two hosts starting at once both try; one promotion wins.
    /// </summary>
    public async Task EnsureSeededAsync(CancellationToken cancellationToken)
    {
        if (await _store.GetPromotedAsync(cancellationToken) is not null)
        {
            return;
        }

        var version = await PublishAsync(_scorer.Directory, "import", cancellationToken);
        try
        {
            await _store.PromoteAsync(version, "import", _time.GetUtcNow(), cancellationToken);
            ScoringLog.Promoted(_logger, version, "first version of the cluster, imported from " + _scorer.Directory);
        }
        catch (ModelVersionException)
        {
            // Another host may have seeded the cluster between the check and the promotion; anything else is a failure.
            if (await _store.GetPromotedAsync(cancellationToken) is null)
            {
                throw;
            }
        }
    }

    public void Dispose() => _sync.Dispose();

    /// <summary>Stores the version in <paramref name="directory"/> (its manifest names it) and returns its name; a stored version is left as it is.</summary>
    public async Task<string> PublishAsync(string directory, string createdBy, CancellationToken cancellationToken)
    {
        var manifest = ModelFiles.Read<ModelManifest>(directory, ModelFiles.Manifest);
        var version = CheckName(manifest.Version);
        var metricsPath = Path.Combine(directory, ModelFiles.Metrics);
        var metrics = File.Exists(metricsPath) ? await File.ReadAllTextAsync(metricsPath, cancellationToken) : null;
        var added = await _store.AddAsync(
            new ModelVersion { Version = version, CreatedAt = manifest.CreatedAt, CreatedBy = createdBy, MetricsJson = metrics },
            ModelArchive.Pack(directory),
            cancellationToken);
        if (added)
        {
            ScoringLog.VersionStored(_logger, version, createdBy);
        }

        return version;
    }

    public async Task<IReadOnlyList<ModelVersionListing>> ListAsync(CancellationToken cancellationToken)
    {
        var promoted = await _store.GetPromotedAsync(cancellationToken);
        var versions = await _store.ListAsync(cancellationToken);
        return [.. versions.Select(v => new ModelVersionListing(v, v.Version == promoted?.Version, v.Version == promoted?.Previous, ModelMetricsSummary.Parse(v.MetricsJson)))];
    }

    public Task<PromotedModel?> GetPromotedAsync(CancellationToken cancellationToken) => _store.GetPromotedAsync(cancellationToken);

    /// <summary>Promotes a stored version for the whole cluster and serves it here at once; the other hosts follow on their next poll.</summary>
    public async Task<PromotedModel> PromoteAsync(string version, string actor, CancellationToken cancellationToken)
    {
        var promoted = await _store.PromoteAsync(version, actor, _time.GetUtcNow(), cancellationToken);
        ScoringLog.Promoted(_logger, promoted.Version, $"by {actor}, replacing {promoted.Previous ?? "nothing"}");
        await SyncAsync(cancellationToken);
        return promoted;
    }

    /// <summary>Promotes again the version the current one replaced, for the whole cluster, and serves it here at once.</summary>
    public async Task<PromotedModel> RollbackAsync(string actor, CancellationToken cancellationToken)
    {
        var before = await _store.GetPromotedAsync(cancellationToken);
        var restored = await _store.RollbackAsync(actor, _time.GetUtcNow(), cancellationToken);
        ScoringLog.RolledBack(_logger, before?.Version ?? "?", restored.Version);
        await SyncAsync(cancellationToken);
        return restored;
    }

    /// <summary>
    /// Reads the promoted version (one small row) and, when this host serves another, loads that version from the
    /// local cache, unpacking it from the database first if it is not cached yet. Returns true when the scorer changed.
    /// A failure leaves the scorer on the model it had and is kept in <see cref="Status"/>, then rethrown.
    /// </summary>
    public async Task<bool> SyncAsync(CancellationToken cancellationToken)
    {
        await _sync.WaitAsync(cancellationToken);
        try
        {
            var promoted = await _store.GetPromotedAsync(cancellationToken);
            var polledAt = _time.GetUtcNow();
            if (promoted is null || promoted.Version == _scorer.ModelVersion)
            {
                _status = new ModelSyncStatus(_scorer.ModelVersion, promoted?.Version, polledAt, null);
                return false;
            }

            try
            {
                var directory = Path.Combine(CacheDirectory, CheckName(promoted.Version));
                if (!File.Exists(Path.Combine(directory, ModelFiles.Manifest)))
                {
                    var archive = await _store.GetArchiveAsync(promoted.Version, cancellationToken)
                        ?? throw new ModelVersionException($"Promoted model version '{promoted.Version}' has no stored files.");
                    ModelArchive.Unpack(archive, directory);
                }

                var model = ScoringModel.Load(directory);
                if (model.Version != promoted.Version)
                {
                    throw new InvalidDataException($"The files of model version '{promoted.Version}' hold version '{model.Version}'.");
                }

                var from = _scorer.ModelVersion;
                _scorer.Use(model, directory);
                _status = new ModelSyncStatus(model.Version, promoted.Version, polledAt, null);
                ScoringLog.ModelSwapped(_logger, from, model.Version, directory);
                return true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _status = new ModelSyncStatus(_scorer.ModelVersion, promoted.Version, polledAt, ex.Message);
                throw;
            }
        }
        finally
        {
            _sync.Release();
        }
    }

    /// <summary>A version name becomes a folder name: letters, digits, dot, dash and underscore only.</summary>
    internal static string CheckName(string version) => VersionName().IsMatch(version)
        ? version
        : throw new ModelVersionException($"'{version}' is not a model version name (letters, digits, '.', '-', '_'; at most 100).");

    /// <summary>Relative to the working directory, as the SQLite data source is: the data volume, not the app folder.</summary>
    private static string ResolveCache(string directory) => Path.GetFullPath(directory);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex VersionName();
}
