using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Core.Scoring;
using SocialWatch.Scoring.Models;
using SocialWatch.Scoring.Runtime;
using SocialWatch.Scoring.Tests.Support;

namespace SocialWatch.Scoring.Tests;

[TestClass]
public sealed class SharedModelsTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _root = Directory.CreateTempSubdirectory("sw-shared-models-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryModelVersionStore _store = new();

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    /// <summary>A copy of the trained fixture under another version name (the manifest names the version).</summary>
    private string ModelCopy(string version)
    {
        var directory = Path.Combine(_root, "source-" + version);
        if (Directory.Exists(directory))
        {
            return directory;
        }

        Directory.CreateDirectory(directory);
        foreach (var file in Directory.GetFiles(TrainedModelFixture.ModelDirectory))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        var manifest = Path.Combine(directory, "manifest.json");
        var json = JsonNode.Parse(File.ReadAllText(manifest))!;
        json["version"] = version;
        File.WriteAllText(manifest, json.ToJsonString());
        return directory;
    }

    /// <summary>One host: its own scorer loaded from the shipped folder and its own cache, over the shared store.</summary>
    private (SharedModels Models, MentionScorer Scorer) Host(string name, string shipped)
    {
        var scorer = MentionScorer.Load(shipped);
        var options = Options.Create(new ScoringOptions { ModelDirectory = shipped, ModelCacheDirectory = Path.Combine(_root, name, "cache") });
        return (new SharedModels(_store, scorer, options, _time, NullLogger<SharedModels>.Instance), scorer);
    }

    [TestMethod]
    public async Task EnsureSeeded_StoresAndPromotesTheShippedModel_OnlyWhenTheClusterHasNone()
    {
        var shipped = ModelCopy("v1");
        var (first, _) = Host("a", shipped);
        var (second, _) = Host("b", ModelCopy("v0"));

        await first.EnsureSeededAsync(None);
        await second.EnsureSeededAsync(None);
        var listing = await first.ListAsync(None);

        Assert.AreEqual("v1 import promoted", string.Join("|", listing.Select(l => $"{l.Version.Version} {l.Version.CreatedBy}{(l.Promoted ? " promoted" : "")}")));
        Assert.AreEqual(new PromotedModel("v1", null, _time.GetUtcNow(), "import"), await _store.GetPromotedAsync(None));
    }

    [TestMethod]
    public async Task Sync_OnAnotherHost_SwapsItsScorerToTheVersionPromotedHere_AndUnpacksItOnlyOnce()
    {
        var (a, scorerA) = Host("a", ModelCopy("v1"));
        var (b, scorerB) = Host("b", ModelCopy("v1"));
        await a.EnsureSeededAsync(None);
        await a.PublishAsync(ModelCopy("v2"), "retrain", None);

        var unchanged = await b.SyncAsync(None);
        await a.PromoteAsync("v2", "admin.ada", None);
        var swapped = await b.SyncAsync(None);
        var readsAfterSwap = _store.ArchiveReads;
        var again = await b.SyncAsync(None);

        Assert.IsFalse(unchanged);
        Assert.IsTrue(swapped);
        Assert.IsFalse(again);
        Assert.AreEqual("v2", scorerA.ModelVersion, "the promoting host serves the new version at once");
        Assert.AreEqual("v2", scorerB.ModelVersion);
        Assert.AreEqual(Path.Combine(b.CacheDirectory, "v2"), scorerB.Directory);
        Assert.AreEqual(readsAfterSwap, _store.ArchiveReads, "a version already running is not fetched again");
        Assert.AreEqual(new ModelSyncStatus("v2", "v2", _time.GetUtcNow(), null), b.Status);
        Assert.HasCount(1, scorerB.Score([new ScoringInput("@acme my parcel never came")]));
    }

    [TestMethod]
    public async Task Rollback_OnOneHost_IsFollowedByTheOther()
    {
        var (a, _) = Host("a", ModelCopy("v1"));
        var (b, scorerB) = Host("b", ModelCopy("v1"));
        await a.EnsureSeededAsync(None);
        await a.PublishAsync(ModelCopy("v2"), "retrain", None);
        await a.PromoteAsync("v2", "admin.ada", None);
        await b.SyncAsync(None);

        var restored = await a.RollbackAsync("admin.ada", None);
        await b.SyncAsync(None);

        Assert.AreEqual("v1", restored.Version);
        Assert.AreEqual("v1", scorerB.ModelVersion);
    }

    [TestMethod]
    public async Task Sync_KeepsTheRunningModel_AndRecordsTheError_WhenThePromotedFilesAreBroken()
    {
        var (a, scorerA) = Host("a", ModelCopy("v1"));
        await a.EnsureSeededAsync(None);
        await _store.AddAsync(new ModelVersion { Version = "v2", CreatedBy = "cli" }, [1, 2, 3], None);
        await _store.PromoteAsync("v2", "admin.ada", _time.GetUtcNow(), None);

        await Assert.ThrowsAsync<Exception>(() => a.SyncAsync(None));

        Assert.AreEqual("v1", scorerA.ModelVersion);
        Assert.AreEqual("v2", a.Status.PromotedVersion);
        Assert.IsNotNull(a.Status.LastError);
    }

    [TestMethod]
    public void CheckName_RefusesAVersionThatIsNotAPlainFolderName()
    {
        foreach (var bad in new[] { "../etc", "a/b", "", ".hidden", "v 1", new string('x', 101) })
        {
            Assert.ThrowsExactly<ModelVersionException>(() => SharedModels.CheckName(bad), bad);
        }

        Assert.AreEqual("v20261204-181934", SharedModels.CheckName("v20261204-181934"));
    }

    [TestMethod]
    public void Unpack_RefusesAnEntryWithAPath()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("../outside.txt").Open());
            writer.Write("x");
        }

        var target = Path.Combine(_root, "unpacked");

        Assert.ThrowsExactly<InvalidDataException>(() => ModelArchive.Unpack(buffer.ToArray(), target));
        Assert.IsFalse(Directory.Exists(target));
        Assert.IsFalse(File.Exists(Path.Combine(_root, "outside.txt")));
    }

    [TestMethod]
    public void PackThenUnpack_GivesBackEveryFile()
    {
        var source = ModelCopy("v3");
        var target = Path.Combine(_root, "unpacked");

        ModelArchive.Unpack(ModelArchive.Pack(source), target);

        CollectionAssert.AreEquivalent(Directory.GetFiles(source).Select(Path.GetFileName).ToList(), Directory.GetFiles(target).Select(Path.GetFileName).ToList());
        foreach (var file in Directory.GetFiles(source))
        {
            CollectionAssert.AreEqual(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(target, Path.GetFileName(file))));
        }
    }
}
