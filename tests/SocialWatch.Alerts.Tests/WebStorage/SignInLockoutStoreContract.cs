using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocialWatch.Alerts.Tests.Storage;
using SocialWatch.Core.Access;
using SocialWatch.Storage;

namespace SocialWatch.Alerts.Tests.WebStorage;

/// <summary>Sign-in failure records: counted atomically across hosts, locked with a doubling length, audited once per lock.</summary>
public abstract class SignInLockoutStoreContract : StoreContract
{
    private readonly List<ServiceProvider> _hosts = [];

    [TestCleanup]
    public async Task CloseHostsAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    [TestMethod]
    public async Task RecordFailure_CountsUpToTheThreshold_ThenLocks_AndAuditsTheLockOnce()
    {
        var store = Host().GetRequiredService<ISignInLockoutStore>();
        var outcomes = new List<SignInFailureOutcome>();

        for (var i = 0; i < 5; i++)
        {
            outcomes.Add(await store.RecordFailureAsync(Failure("admin", T0.AddSeconds(i)), None));
        }

        var record = await store.GetAsync("admin", None);
        var audit = await Host().GetRequiredService<IAdminAuditStore>().GetLatestAsync(10, None);

        Assert.AreEqual("counted,counted,locked,refused,refused", string.Join(",", outcomes.Select(o => o.LockedNow ? "locked" : o.Record.Locks == 0 ? "counted" : "refused")));
        Assert.AreEqual(T0.AddSeconds(2).AddMinutes(1), record!.LockedUntil, "the first lock lasts the first lock's length from the failure that locked");
        Assert.AreEqual(1, record.Locks);
        Assert.AreEqual(T0.AddSeconds(4), record.LastFailureAt);
        var locks = audit.Where(e => e.Area == "sign-in" && e.Action == "locked").ToList();
        Assert.HasCount(1, locks);
        Assert.AreEqual("admin", locks[0].Subject);
        Assert.AreEqual("sign-in from 127.0.0.1", locks[0].Actor);
        StringAssert.Contains(locks[0].Detail, "3 failures in a row; locked for 1 min (lock 1 in a row)");
    }

    [TestMethod]
    public async Task RecordFailure_AfterALockEnds_LocksAgainForTwiceAsLong_UpToTheMaximum()
    {
        var store = Host().GetRequiredService<ISignInLockoutStore>();
        var at = T0;
        var lengths = new List<TimeSpan>();

        for (var round = 0; round < 4; round++)
        {
            SignInFailureOutcome outcome;
            do
            {
                outcome = await store.RecordFailureAsync(Failure("pr", at), None);
            }
            while (!outcome.LockedNow);

            lengths.Add(outcome.Record.LockedUntil!.Value - at);
            at = outcome.Record.LockedUntil.Value;
        }

        CollectionAssert.AreEqual(
            new[] { TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5) }, lengths.ToArray());
    }

    [TestMethod]
    public async Task RecordFailure_FromTwoHostsAtOnce_LosesNoFailure()
    {
        var a = Host().GetRequiredService<ISignInLockoutStore>();
        var b = Host().GetRequiredService<ISignInLockoutStore>();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => (i % 2 == 0 ? a : b).RecordFailureAsync(Failure("apikey:10.0.0.7", T0, threshold: 1_000), None))));
        var record = await a.GetAsync("apikey:10.0.0.7", None);

        Assert.AreEqual(40, record!.Failures);
        Assert.IsNull(record.LockedUntil);
    }

    [TestMethod]
    public async Task Forget_ClearsTheRecord_AndPrune_KeepsLocksInForceAndRecentFailures()
    {
        var store = Host().GetRequiredService<ISignInLockoutStore>();
        for (var i = 0; i < 3; i++)
        {
            await store.RecordFailureAsync(Failure("locked", T0), None);
        }

        await store.RecordFailureAsync(Failure("quiet", T0), None);
        await store.RecordFailureAsync(Failure("recent", T0.AddMinutes(50)), None);
        await store.RecordFailureAsync(Failure("forgiven", T0), None);

        await store.ForgetAsync("forgiven", None);
        var pruned = await store.PruneAsync(T0.AddMinutes(30), T0.AddSeconds(30), None);

        Assert.AreEqual(1, pruned, "only the quiet, unlocked record goes");
        Assert.IsNull(await store.GetAsync("quiet", None));
        Assert.IsNull(await store.GetAsync("forgiven", None));
        Assert.IsNotNull(await store.GetAsync("locked", None));
        Assert.AreEqual(1, (await store.GetAsync("recent", None))!.Failures);
    }

    private static SignInFailure Failure(string key, DateTimeOffset at, int threshold = 3) =>
        new(key, at, threshold, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), key, "sign-in from 127.0.0.1");

    /// <summary>A host's web stores on the database under test; each call is another host.</summary>
    private ServiceProvider Host()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = Database.Provider.ToString(),
            ["ConnectionStrings:SocialWatch"] = Database.ConnectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSocialWatchStorage(configuration);
        var host = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        _hosts.Add(host);
        return host;
    }
}

[TestClass]
public sealed class SqliteSignInLockoutStoreTests : SignInLockoutStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqliteAsync();
}

[TestClass]
public sealed class PostgreSqlSignInLockoutStoreTests : SignInLockoutStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.PostgreSqlAsync("sign_in_lockouts");
}

/// <summary>Runs where a SQL Server is given in SOCIALWATCH_TEST_SQLSERVER; skipped elsewhere (statements are parsed instead).</summary>
[TestClass]
public sealed class SqlServerSignInLockoutStoreTests : SignInLockoutStoreContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => TestDatabases.SqlServerAsync();
}
