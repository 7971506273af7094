using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Scoring.Models;

namespace SocialWatch.Scoring.Tests;

[TestClass]
public sealed class ModelRepositoryTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
    private string _root = "";

    [TestInitialize]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("sw-repo-").FullName;

    [TestCleanup]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    private ModelRepository Repository() => new(Path.Combine(_root, "current"), _time, NullLogger<ModelRepository>.Instance);

    /// <summary>A model directory with a manifest and a marker file; promotion only moves directories, it does not load them.</summary>
    private string Candidate(string version)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_root, "built", version)).FullName;
        ModelFiles.Write(dir, ModelFiles.Manifest, new ModelManifest { Version = version, HashBits = 12 });
        File.WriteAllText(Path.Combine(dir, "marker.txt"), version);
        return dir;
    }

    private string CurrentMarker() => File.ReadAllText(Path.Combine(_root, "current", "marker.txt"));

    [TestMethod]
    public void Promote_MakesTheFirstModelCurrent_WhenThereIsNone()
    {
        var repository = Repository();

        var result = repository.Promote(Candidate("v1"), 0.6, null);

        Assert.IsTrue(result.Promoted);
        Assert.AreEqual("v1", repository.CurrentVersion);
        Assert.AreEqual("v1", CurrentMarker());
    }

    [TestMethod]
    public void Promote_RefusesACandidateThatScoresBelowTheCurrentModel()
    {
        var repository = Repository();
        repository.Promote(Candidate("v1"), 0.7, null);

        var result = repository.Promote(Candidate("v2"), 0.65, 0.7);

        Assert.IsFalse(result.Promoted);
        StringAssert.Contains(result.Reason, "not above the current model's 0.7000");
        Assert.AreEqual("v1", repository.CurrentVersion);
        Assert.AreEqual("v1", CurrentMarker());
    }

    [TestMethod]
    public void Promote_RefusesACandidateThatOnlyTies()
    {
        var repository = Repository();
        repository.Promote(Candidate("v1"), 0.7, null);

        var result = repository.Promote(Candidate("v2"), 0.7, 0.7);

        Assert.IsFalse(result.Promoted);
    }

    [TestMethod]
    public void Promote_ReplacesTheCurrentModel_WithABetterOne_AndKeepsBothVersions()
    {
        var repository = Repository();
        repository.Promote(Candidate("v1"), 0.7, null);

        var result = repository.Promote(Candidate("v2"), 0.75, 0.7);

        Assert.IsTrue(result.Promoted);
        Assert.AreEqual("v2", CurrentMarker());
        Assert.IsTrue(Directory.Exists(Path.Combine(repository.VersionsDirectory, "v1")));
        Assert.IsTrue(Directory.Exists(Path.Combine(repository.VersionsDirectory, "v2")));
        Assert.AreEqual("v1", repository.History()[^1].Previous);
    }

    [TestMethod]
    public void Rollback_RestoresThePreviousModel()
    {
        var repository = Repository();
        repository.Promote(Candidate("v1"), 0.7, null);
        repository.Promote(Candidate("v2"), 0.8, 0.7);

        var restored = repository.Rollback();

        Assert.AreEqual("v1", restored);
        Assert.AreEqual("v1", repository.CurrentVersion);
        Assert.AreEqual("v1", CurrentMarker());
        Assert.AreEqual("rollback", repository.History()[^1].Action);
    }

    [TestMethod]
    public void Rollback_Fails_WhenThereIsNoEarlierModel()
    {
        var repository = Repository();
        repository.Promote(Candidate("v1"), 0.7, null);

        var ex = Assert.ThrowsExactly<InvalidOperationException>(repository.Rollback);

        StringAssert.Contains(ex.Message, "nothing to roll back to");
    }
}
