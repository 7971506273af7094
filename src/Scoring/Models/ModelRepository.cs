using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SocialWatch.Scoring.Models;

/// <summary>Whether a candidate became the current model, and why.</summary>
public sealed record PromotionResult(bool Promoted, string Version, string Reason);

/// <summary>One entry of versions/history.json.</summary>
public sealed record PromotionRecord(string Version, string? Previous, DateTimeOffset At, string Action, string Reason);

/// <summary>
/// Versioned model storage next to the current model directory: every promoted model is kept under
/// <c>versions/&lt;version&gt;</c>, <c>current</c> is replaced by a directory swap, and <c>versions/history.json</c>
/// records each promotion and rollback so the previous model can be restored.
/// A candidate that scores below (or equal to) the current model on the same held-out labels is refused.
/// </summary>
public sealed class ModelRepository
{
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();

    public ModelRepository(string currentDirectory, TimeProvider timeProvider, ILogger<ModelRepository> logger)
    {
        CurrentDirectory = Path.GetFullPath(currentDirectory);
        Root = Path.GetDirectoryName(CurrentDirectory) ?? throw new ArgumentException("Model directory has no parent.", nameof(currentDirectory));
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public string CurrentDirectory { get; }

    public string Root { get; }

    public string VersionsDirectory => Path.Combine(Root, "versions");

    public string CandidatesDirectory => Path.Combine(Root, "candidates");

    private string HistoryPath => Path.Combine(VersionsDirectory, "history.json");

    public string NewCandidateDirectory()
    {
        var dir = Path.Combine(CandidatesDirectory, _timeProvider.GetUtcNow().ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public string? CurrentVersion => File.Exists(Path.Combine(CurrentDirectory, ModelFiles.Manifest))
        ? ModelFiles.Read<ModelManifest>(CurrentDirectory, ModelFiles.Manifest).Version
        : null;

    public IReadOnlyList<PromotionRecord> History() => File.Exists(HistoryPath)
        ? JsonSerializer.Deserialize<List<PromotionRecord>>(File.ReadAllText(HistoryPath), ModelFiles.Json) ?? []
        : [];

    /// <summary>
    /// Makes the candidate current when it is strictly better than the current model on the same held-out labels
    /// (<paramref name="currentQuality"/> null: there is no current model to beat).
    /// </summary>
    public PromotionResult Promote(string candidateDirectory, double candidateQuality, double? currentQuality)
    {
        var version = ModelFiles.Read<ModelManifest>(candidateDirectory, ModelFiles.Manifest).Version;
        lock (_gate)
        {
            var current = CurrentVersion;
            if (double.IsNaN(candidateQuality))
            {
                return Refuse(version, "the candidate has no measurable quality on the held-out labels");
            }

            if (current is not null && currentQuality is { } cq && !(candidateQuality > cq))
            {
                return Refuse(version, string.Create(CultureInfo.InvariantCulture,
                    $"held-out quality {candidateQuality:0.0000} is not above the current model's {cq:0.0000} ({current})"));
            }

            if (current == version)
            {
                return Refuse(version, "it is already the current model");
            }

            Directory.CreateDirectory(VersionsDirectory);
            if (current is not null)
            {
                Archive(CurrentDirectory, current);
            }

            Archive(candidateDirectory, version);
            Swap(Path.Combine(VersionsDirectory, version));
            var reason = current is null
                ? "no current model"
                : string.Create(CultureInfo.InvariantCulture, $"held-out quality {candidateQuality:0.0000} > {currentQuality:0.0000} ({current})");
            Append(new PromotionRecord(version, current, _timeProvider.GetUtcNow(), "promote", reason));
            ScoringLog.Promoted(_logger, version, reason);
            return new PromotionResult(true, version, reason);
        }
    }

    /// <summary>Restores the model that was current before the last promotion. Returns the restored version.</summary>
    public string Rollback()
    {
        lock (_gate)
        {
            var current = CurrentVersion ?? throw new InvalidOperationException("There is no current model to roll back.");
            var history = History();
            var last = history.LastOrDefault(h => h.Version == current && h.Action == "promote");
            if (last?.Previous is not { } previous)
            {
                throw new InvalidOperationException($"No earlier model recorded before {current}; nothing to roll back to.");
            }

            var source = Path.Combine(VersionsDirectory, previous);
            if (!Directory.Exists(source))
            {
                throw new ModelNotFoundException($"Archived model {previous} is missing from '{VersionsDirectory}'.");
            }

            Swap(source);
            Append(new PromotionRecord(previous, current, _timeProvider.GetUtcNow(), "rollback", $"rolled back from {current}"));
            ScoringLog.RolledBack(_logger, current, previous);
            return previous;
        }
    }

    private PromotionResult Refuse(string version, string reason)
    {
        ScoringLog.Refused(_logger, version, reason);
        return new PromotionResult(false, version, reason);
    }

    private void Archive(string source, string version)
    {
        var target = Path.Combine(VersionsDirectory, version);
        if (!Directory.Exists(target))
        {
            CopyDirectory(source, target);
        }
    }

    /// <summary>Replaces current with a copy of <paramref name="source"/> by renames, so readers never see a half-written model.</summary>
    private void Swap(string source)
    {
        var staging = Path.Combine(Root, ".staging-" + Guid.NewGuid().ToString("N"));
        CopyDirectory(source, staging);
        var old = Path.Combine(Root, ".old-" + Guid.NewGuid().ToString("N"));
        if (Directory.Exists(CurrentDirectory))
        {
            Directory.Move(CurrentDirectory, old);
        }

        Directory.Move(staging, CurrentDirectory);
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
    }

    private void Append(PromotionRecord record)
    {
        var history = History().ToList();
        history.Add(record);
        Directory.CreateDirectory(VersionsDirectory);
        File.WriteAllText(HistoryPath, JsonSerializer.Serialize(history, ModelFiles.Json));
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
    }
}
