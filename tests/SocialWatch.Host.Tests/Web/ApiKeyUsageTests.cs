using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using SocialWatch.Core.Access;
using SocialWatch.Host.Web;
using SocialWatch.Host.Web.Auth;

namespace SocialWatch.Host.Tests.Web;

/// <summary>An API key's last-used time is bookkeeping written off the request path: a read never waits on it.</summary>
[TestClass]
public sealed class ApiKeyUsageTests
{
    [TestMethod]
    public async Task ReadWithAKey_Succeeds_WhileTheDatabaseIsWriteLocked_AndTheUseIsWrittenAfterwards()
    {
        await using var app = await WebTestApp.StartAsync("--Web:SignIn:ApiKeyUsageFlushInterval", "00:00:01");
        var key = ApiKeyGenerator.NewKey();
        var keys = app.Services.GetRequiredService<IApiKeyStore>();
        await keys.CreateAsync(
            new ApiKey { Name = "reader", Prefix = ApiKeyGenerator.PrefixOf(key), Hash = ApiKeyGenerator.Hash(key), Scopes = [ApiKeyScopes.Integration], CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow },
            CancellationToken.None);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        await using var locker = new SqliteConnection(app.ConnectionString);
        await locker.OpenAsync();
        await using (var begin = locker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        var stopwatch = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/alerts");
        request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        using var response = await http.SendAsync(request);
        var elapsed = stopwatch.Elapsed;
        await using (var rollback = locker.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        var lastUsed = await WaitForLastUsedAsync(keys, "reader");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.IsTrue(elapsed < TimeSpan.FromSeconds(5), $"the read waited {elapsed} on a write lock it does not need");
        Assert.IsNotNull(lastUsed, "the flush writes the use once the lock is gone");
    }

    [TestMethod]
    public async Task Flush_KeepsTheTimesItCouldNotWrite_AndWritesOnlyTheLatestPerKey()
    {
        var usage = new ApiKeyUsage();
        var store = new FlakyKeys();
        var at = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        usage.Record(1, at);
        usage.Record(1, at.AddSeconds(5));
        usage.Record(1, at.AddSeconds(2));

        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => usage.FlushAsync(store, CancellationToken.None));
        var pendingAfterFailure = usage.Pending;
        store.Fail = false;
        var written = await usage.FlushAsync(store, CancellationToken.None);

        Assert.AreEqual(1, pendingAfterFailure);
        Assert.AreEqual(1, written);
        Assert.AreEqual(at.AddSeconds(5), store.Touched[1]);
        Assert.AreEqual(0, usage.Pending);
    }

    private static async Task<DateTimeOffset?> WaitForLastUsedAsync(IApiKeyStore keys, string name)
    {
        // Waits for the flush itself (its interval is 1 s here), bounded so a broken flusher fails rather than hangs.
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            var key = (await keys.ListAsync(CancellationToken.None)).Single(k => k.Name == name);
            if (key.LastUsedAt is { } used)
            {
                return used;
            }

            await Task.Delay(50);
        }

        return null;
    }

    private sealed class FlakyKeys : IApiKeyStore
    {
        public bool Fail { get; set; } = true;

        public Dictionary<long, DateTimeOffset> Touched { get; } = [];

        public Task TouchAsync(long id, DateTimeOffset at, CancellationToken cancellationToken)
        {
            if (Fail)
            {
                throw new InvalidOperationException("database is locked");
            }

            Touched[id] = at;
            return Task.CompletedTask;
        }

        public Task<ApiKey> CreateAsync(ApiKey key, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ApiKey?> FindActiveByHashAsync(string hash, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> RevokeAsync(long id, string actor, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
