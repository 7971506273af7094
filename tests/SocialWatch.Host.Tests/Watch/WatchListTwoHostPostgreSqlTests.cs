using Microsoft.Extensions.Time.Testing;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.TestSupport;

namespace SocialWatch.Host.Tests.Watch;

/// <summary>
/// Two hosts on one PostgreSQL database refreshing and routing the same watched mentions: quiet complaints that raise
/// no alert when stored, half of which then catch fire. Whoever refreshes them, and however often, a mention gets one
/// alert.
/// </summary>
[TestClass]
public sealed class WatchListTwoHostPostgreSqlTests
{
    private const int Pairs = 10;

    // Routing only what escalates: a quiet complaint is stored and watched without an alert, and raises one when its
    // re-score passes routing.
    private static readonly Dictionary<string, string?> s_escalationOnly = new() { ["Alerts:Routing:DefaultRouteMinComplaint"] = "1" };

    [TestMethod]
    public async Task TwoHostsRefreshingAtOnce_SplitTheWatchList_AndRaiseOneAlertPerSpreadingMention()
    {
        var time = WatchClock.At("2026-11-24T09:00:00Z");
        var (x, posts) = GivenQuietComplaints(time.GetUtcNow());
        using var _ = x;
        var connectionString = await CreateDatabaseAsync("sw_watch_two_hosts_split");
        await using var hostA = new WatchTestHost("PostgreSql", connectionString, x.Url, time, s_escalationOnly);
        await using var hostB = new WatchTestHost("PostgreSql", connectionString, x.Url, time, s_escalationOnly);
        await hostA.MigrateAsync();
        await Task.WhenAll(hostA.IngestAsync(), hostB.IngestAsync());
        var alertsAtIngest = await hostA.MentionAlertsAsync();

        for (var refresh = 1; refresh <= 4; refresh++)
        {
            time.Advance(TimeSpan.FromMinutes(2));
            Spread(x, posts, refresh);
            await Task.WhenAll(hostA.RefreshAsync(), hostB.RefreshAsync());
        }

        Assert.IsEmpty(alertsAtIngest, "quiet complaints raise nothing when stored");
        await AssertOneAlertPerSpreadingMentionAsync(hostA, posts);
        foreach (var post in posts)
        {
            var mention = (await hostA.MentionAsync(post.Id))!;
            Assert.HasCount(4, await hostA.Get<IMentionStore>().GetSnapshotsAsync(mention.Id, CancellationToken.None), "refreshed once a round, by one host or the other");
        }
    }

    [TestMethod]
    public async Task AHostWhoseClaimRanOut_RefreshesTheSameMentionsAsTheSlowHost_AndStillOneAlertPerMention()
    {
        var start = DateTimeOffset.Parse("2026-11-24T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var timeA = new FakeTimeProvider(start);
        var timeB = new FakeTimeProvider(start);
        var (x, posts) = GivenQuietComplaints(start);
        using var _ = x;
        var connectionString = await CreateDatabaseAsync("sw_watch_two_hosts_overlap");
        await using var hostA = new WatchTestHost("PostgreSql", connectionString, x.Url, timeA, s_escalationOnly);
        await using var hostB = new WatchTestHost("PostgreSql", connectionString, x.Url, timeB, s_escalationOnly);
        await hostA.MigrateAsync();
        await hostA.IngestAsync();

        for (var refresh = 1; refresh <= 4; refresh++)
        {
            // Host A claims the page and stalls in the lookup; host B, whose clock is past A's claim lease (5 min), claims
            // the same entries, refreshes and routes them, then A goes on with the same mentions.
            var round = start + (TimeSpan.FromMinutes(10) * refresh);
            timeA.SetUtcNow(round);
            timeB.SetUtcNow(round + TimeSpan.FromMinutes(6));
            Spread(x, posts, refresh);
            var hold = x.HoldNextLookup();
            var slow = hostA.RefreshAsync();
            await hold.Arrived;
            try
            {
                await hostB.RefreshAsync();
            }
            finally
            {
                hold.Release();
            }

            await slow;
        }

        await AssertOneAlertPerSpreadingMentionAsync(hostA, posts);
        foreach (var post in posts)
        {
            var mention = (await hostA.MentionAsync(post.Id))!;
            Assert.HasCount(8, await hostA.Get<IMentionStore>().GetSnapshotsAsync(mention.Id, CancellationToken.None), "both hosts refreshed every mention every round");
        }
    }

    private static async Task AssertOneAlertPerSpreadingMentionAsync(WatchTestHost host, IReadOnlyList<FakePost> posts)
    {
        var alerts = await host.Get<IAlertStore>().GetOpenAsync(new OpenAlertQuery { Limit = 1_000 }, CancellationToken.None);
        var byMention = alerts.Where(a => a.MentionId is not null).GroupBy(a => a.MentionId!.Value).ToDictionary(g => g.Key, g => g.Count());
        foreach (var post in posts)
        {
            var mention = (await host.MentionAsync(post.Id))!;
            var expected = IsSpreading(post) ? 1 : 0;
            Assert.AreEqual(expected, byMention.GetValueOrDefault(mention.Id), $"post {post.Id} ({(IsSpreading(post) ? "spreading" : "flat")})");
        }

        Assert.IsTrue(
            alerts.All(a => a.Reasons.Any(r => r.Code == ReasonCodes.StartedSpreading)),
            "each was raised because it started quiet and is now spreading");
        Assert.IsFalse(alerts.Any(a => a.Kind == AlertKind.Operator), "no refresh failed or ran out of budget");
    }

    private static bool IsSpreading(FakePost post) => post.Id.EndsWith('1');

    private static void Spread(FakeX x, IReadOnlyList<FakePost> posts, int refresh)
    {
        foreach (var post in posts.Where(IsSpreading))
        {
            x.SetMetrics(post.Id, WatchListEndToEndContract.FireAt(refresh));
        }
    }

    /// <summary>Pairs of twins: ids ending in 1 catch fire, ids ending in 2 stay flat.</summary>
    private static (FakeX X, IReadOnlyList<FakePost> Posts) GivenQuietComplaints(DateTimeOffset now)
    {
        var posts = new List<FakePost>();
        for (var i = 0; i < Pairs; i++)
        {
            var flight = (100 + (i * 37)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var twin in new[] { 1, 2 })
            {
                var id = $"18600000000000{i:D3}{twin:D2}";
                posts.Add(new FakePost(
                    id,
                    $"@AcmeAir my suitcase never arrived on flight AC {flight}{twin} and nobody at the desk can tell me where it is",
                    $"u-{i}-{twin}",
                    $"traveller{i}{twin}",
                    180,
                    now.AddMinutes(-3)));
            }
        }

        return (new FakeX(posts, _ => WatchListEndToEndContract.QuietMetrics), posts);
    }

    private static Task<string> CreateDatabaseAsync(string name) => TestPostgres.CreateDatabaseAsync(name);
}
