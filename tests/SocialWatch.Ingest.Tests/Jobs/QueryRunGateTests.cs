using Hangfire.InMemory;
using SocialWatch.Ingest.Jobs;

namespace SocialWatch.Ingest.Tests.Jobs;

[TestClass]
public sealed class QueryRunGateTests
{
    public static IEnumerable<object[]> Gates() =>
    [
        ["hangfire"],
        ["process"],
    ];

    private static IQueryRunGate Create(string kind) =>
        kind == "hangfire" ? new HangfireQueryRunGate(new InMemoryStorage()) : new ProcessQueryRunGate();

    [TestMethod]
    [DynamicData(nameof(Gates))]
    public void TryEnter_IsRefusedAtOnceWhileHeld_AndFreeAgainAfterRelease(string kind)
    {
        var gate = Create(kind);

        var first = gate.TryEnter("acme:x:search");
        var second = gate.TryEnter("acme:x:search");
        first!.Dispose();
        using var third = gate.TryEnter("acme:x:search");

        Assert.IsNotNull(first);
        Assert.IsNull(second);
        Assert.IsNotNull(third);
    }

    [TestMethod]
    [DynamicData(nameof(Gates))]
    public void TryEnter_OtherQueriesAreIndependent(string kind)
    {
        var gate = Create(kind);

        using var x = gate.TryEnter("acme:x:search");
        using var reddit = gate.TryEnter("acme:reddit:search");

        Assert.IsNotNull(x);
        Assert.IsNotNull(reddit);
    }
}
