using System.Net;
using SocialWatch.Core.Access;
using SocialWatch.Host.Web.Auth;

namespace SocialWatch.Host.Tests.Web;

/// <summary>Password and API-key guessing against the real host: rate limits, lockout and its audit.</summary>
[TestClass]
public sealed class SignInLockoutTests
{
    [TestMethod]
    public async Task FortyWrongPasswords_ThenTheRightOne_DoesNotSignIn_AndTheLockIsAudited()
    {
        await using var app = await WebTestApp.StartAsync();
        using var client = new WebClient(app.BaseAddress);
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 40; i++)
        {
            using var wrong = await PostSignInAsync(client, "admin", "wrong-password-" + i);
            statuses.Add(wrong.StatusCode);
        }

        using var right = await PostSignInAsync(client, "admin", WebTestApp.Password);
        var audit = await app.Services.GetRequiredService<IAdminAuditStore>().GetLatestAsync(50, CancellationToken.None);

        Assert.AreNotEqual(HttpStatusCode.Redirect, right.StatusCode, "the right password must not sign in to a locked account");
        Assert.AreEqual(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.IsTrue(right.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a locked account says when to try again");
        StringAssert.Contains(await right.Content.ReadAsStringAsync(), "Try again in");
        Assert.AreEqual(4, statuses.TakeWhile(s => s == HttpStatusCode.OK).Count(), "the fifth wrong password locks");
        Assert.IsTrue(statuses.Skip(4).All(s => s == HttpStatusCode.TooManyRequests));
        var locks = audit.Where(e => e.Area == "sign-in" && e.Subject == "admin" && e.Action == "locked").ToList();
        Assert.HasCount(1, locks, "one lock while it lasts");
        StringAssert.Contains(locks[0].Actor, "127.0.0.1");
    }

    [TestMethod]
    public async Task AnAccountLockedOnOneHost_IsLockedOnAHostStartedLaterOnTheSameDatabase_AndItsAuditNamesOneLock()
    {
        await using var first = await WebTestApp.StartAsync();
        using var firstClient = new WebClient(first.BaseAddress);
        for (var i = 0; i < 5; i++)
        {
            (await PostSignInAsync(firstClient, "manager", "wrong-password-" + i)).Dispose();
        }

        // A host that starts after the lock has no memory of its own: a restarted host, or another one behind the balancer.
        await using var second = await WebTestApp.StartAsync("--ConnectionStrings:SocialWatch", first.ConnectionString);
        using var secondClient = new WebClient(second.BaseAddress);
        using var right = await PostSignInAsync(secondClient, "Manager", WebTestApp.Password);
        using var other = await PostSignInAsync(secondClient, "agent", WebTestApp.Password);
        var audit = await second.Services.GetRequiredService<IAdminAuditStore>().GetLatestAsync(50, CancellationToken.None);

        Assert.AreEqual(HttpStatusCode.TooManyRequests, right.StatusCode, "the lock holds on a host that did not see the failures, whatever the name's case");
        Assert.IsTrue(right.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.AreEqual(HttpStatusCode.Redirect, other.StatusCode);
        Assert.HasCount(1, audit.Where(e => e.Area == "sign-in" && e.Subject == "manager" && e.Action == "locked").ToList());
    }

    [TestMethod]
    public async Task WrongPasswordsForAnotherAccount_DoNotLockThisOne_AndAGoodSignInForgivesEarlierFailures()
    {
        await using var app = await WebTestApp.StartAsync();
        using var client = new WebClient(app.BaseAddress);
        for (var i = 0; i < 6; i++)
        {
            (await PostSignInAsync(client, "pr", "wrong")).Dispose();
        }

        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 4; i++)
            {
                (await PostSignInAsync(client, "agent", "wrong")).Dispose();
            }

            using var good = await PostSignInAsync(client, "agent", WebTestApp.Password);
            Assert.AreEqual(HttpStatusCode.Redirect, good.StatusCode, "four failures, then the right password, in round " + round);
        }

        using var pr = await PostSignInAsync(client, "pr", WebTestApp.Password);
        using var manager = await PostSignInAsync(client, "manager", WebTestApp.Password);

        Assert.AreEqual(HttpStatusCode.TooManyRequests, pr.StatusCode);
        Assert.AreEqual(HttpStatusCode.Redirect, manager.StatusCode);
    }

    [TestMethod]
    public async Task SignInPostsPastTheAddressLimit_Answer429WithRetryAfter()
    {
        await using var app = await WebTestApp.StartAsync("--Web:SignIn:PerAddressLimit", "5", "--Web:SignIn:Window", "00:10:00");
        using var client = new WebClient(app.BaseAddress);
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 7; i++)
        {
            using var response = await PostSignInAsync(client, "user" + i, "wrong");
            statuses.Add(response.StatusCode);
            if (i == 6)
            {
                Assert.IsTrue(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 says when to try again");
            }
        }

        using var form = await client.Http.GetAsync("/login");

        CollectionAssert.AreEqual(
            new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests },
            statuses);
        Assert.AreEqual(HttpStatusCode.OK, form.StatusCode, "loading the form is not a guess");
    }

    [TestMethod]
    public async Task UnknownApiKeysPastTheThreshold_Answer429_EvenForAGoodKey_AndAreAudited()
    {
        await using var app = await WebTestApp.StartAsync("--Web:SignIn:ApiKeyFailureThreshold", "3");
        var good = ApiKeyGenerator.NewKey();
        await app.Services.GetRequiredService<IApiKeyStore>().CreateAsync(
            new ApiKey { Name = "reader", Prefix = ApiKeyGenerator.PrefixOf(good), Hash = ApiKeyGenerator.Hash(good), Scopes = [Host.Web.ApiKeyScopes.Integration], CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow },
            CancellationToken.None);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 4; i++)
        {
            using var guess = await GetWithKeyAsync(http, ApiKeyGenerator.NewKey());
            statuses.Add(guess.StatusCode);
        }

        using var withGood = await GetWithKeyAsync(http, good);
        var audit = await app.Services.GetRequiredService<IAdminAuditStore>().GetLatestAsync(50, CancellationToken.None);

        CollectionAssert.AreEqual(
            new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests },
            statuses);
        Assert.AreEqual(HttpStatusCode.TooManyRequests, withGood.StatusCode);
        Assert.IsTrue(withGood.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.IsTrue(audit.Any(e => e.Area == "sign-in" && e.Action == "locked" && e.Subject.StartsWith("API keys from", StringComparison.Ordinal)));
    }

    private static async Task<HttpResponseMessage> PostSignInAsync(WebClient client, string userName, string password)
    {
        var token = await client.GetFormTokenAsync("/login");
        return await client.Http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    private static Task<HttpResponseMessage> GetWithKeyAsync(HttpClient http, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/alerts");
        request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        return http.SendAsync(request);
    }
}
