using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Core.Access;
using SocialWatch.Host.Web.Auth;

namespace SocialWatch.Host.Tests.Web;

/// <summary>Sessions follow their account: disabling ends them, a role change reaches them, within the re-check interval.</summary>
[TestClass]
public sealed class SessionValidatorTests
{
    private static WebTestApp s_app = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) =>
        s_app = await WebTestApp.StartAsync("--Web:SignIn:SessionRevalidation", "00:00:00");

    [ClassCleanup]
    public static async Task StopAsync() => await s_app.DisposeAsync();

    [TestMethod]
    public async Task DisabledUser_CookieIsRefused_AndItCanNoLongerClaim()
    {
        var user = await CreateUserAsync("leaver", "agent");
        var alert = await s_app.AddAlertAsync("Refund still missing");
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("leaver");
        using var before = await client.Http.GetAsync("/triage");

        await s_app.Services.GetRequiredService<IUserStore>().SaveAsync(user with { Disabled = true }, "admin", CancellationToken.None);
        using var page = await client.Http.GetAsync("/triage");
        using var claim = await client.Http.PostAsync($"/api/alerts/{alert.Id}/claim", new StringContent(""));

        Assert.AreEqual(HttpStatusCode.OK, before.StatusCode);
        Assert.AreEqual(HttpStatusCode.Redirect, page.StatusCode);
        StringAssert.StartsWith(page.Headers.Location!.AbsolutePath, "/login");
        Assert.AreEqual(HttpStatusCode.Unauthorized, claim.StatusCode);
    }

    [TestMethod]
    public async Task RoleChange_ReachesASignedInSession()
    {
        var user = await CreateUserAsync("mover", "agent");
        using var client = new WebClient(s_app.BaseAddress);
        await client.SignInAsync("mover");
        using var asAgent = await client.Http.GetAsync("/dashboard");

        await s_app.Services.GetRequiredService<IUserStore>().SaveAsync(user with { Roles = ["agent", "pr"] }, "admin", CancellationToken.None);
        using var asPr = await client.Http.GetAsync("/dashboard");
        await s_app.Services.GetRequiredService<IUserStore>().SaveAsync(user with { Roles = ["pr"] }, "admin", CancellationToken.None);
        using var triage = await client.Http.GetAsync("/triage");

        StringAssert.StartsWith(asAgent.Headers.Location!.AbsolutePath, "/denied");
        Assert.AreEqual(HttpStatusCode.OK, asPr.StatusCode);
        StringAssert.StartsWith(triage.Headers.Location!.AbsolutePath, "/denied");
    }

    [TestMethod]
    public async Task DisabledUser_IsTrustedUntilTheIntervalEnds_ThenRefused()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var users = new MemoryUsers(new WebUser { Id = 7, UserName = "ana", PasswordHash = "h", Roles = ["agent"], CreatedAt = time.GetUtcNow() });
        var validator = NewValidator(users, time);
        var principal = LocalAccounts.PrincipalFor(users.User, CookieAuthenticationDefaults.AuthenticationScheme);
        await validator.ValidateAsync(NewContext(principal, users));
        users.User = users.User with { Disabled = true };

        var within = NewContext(principal, users);
        time.Advance(TimeSpan.FromSeconds(59));
        await validator.ValidateAsync(within);
        var readsWithin = users.Reads;
        var after = NewContext(principal, users);
        time.Advance(TimeSpan.FromSeconds(2));
        await validator.ValidateAsync(after);

        Assert.IsNotNull(within.Principal, "a stamp checked 59 s ago is trusted");
        Assert.AreEqual(1, readsWithin, "no database read within the interval");
        Assert.IsNull(after.Principal, "after the interval the account is read again and the session ends");
    }

    [TestMethod]
    public async Task CookieWithoutAStamp_IsRefused()
    {
        var time = new FakeTimeProvider();
        var users = new MemoryUsers(new WebUser { Id = 7, UserName = "ana", PasswordHash = "h", Roles = ["admin"], CreatedAt = time.GetUtcNow() });
        var old = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ana"), new Claim(ClaimTypes.Role, "admin")], CookieAuthenticationDefaults.AuthenticationScheme));
        var context = NewContext(old, users);

        await NewValidator(users, time).ValidateAsync(context);

        Assert.IsNull(context.Principal);
    }

    private static SessionValidator NewValidator(MemoryUsers users, TimeProvider time)
    {
        var services = new ServiceCollection().AddSingleton<IUserStore>(users).BuildServiceProvider();
        return new SessionValidator(services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new SignInOptions()), time, NullLogger<SessionValidator>.Instance);
    }

    private static CookieValidatePrincipalContext NewContext(ClaimsPrincipal principal, MemoryUsers users)
    {
        var http = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddSingleton<IUserStore>(users).AddSingleton<IAuthenticationService, NoAuthentication>().BuildServiceProvider(),
        };
        var scheme = new AuthenticationScheme(CookieAuthenticationDefaults.AuthenticationScheme, null, typeof(CookieAuthenticationHandler));
        return new CookieValidatePrincipalContext(http, scheme, new CookieAuthenticationOptions(), new AuthenticationTicket(principal, scheme.Name));
    }

    private static async Task<WebUser> CreateUserAsync(string userName, params string[] roles)
    {
        var user = new WebUser { UserName = userName, Roles = roles, CreatedAt = DateTimeOffset.UtcNow };
        return await s_app.Services.GetRequiredService<IUserStore>().SaveAsync(
            user with { PasswordHash = LocalAccounts.HashPassword(user, WebTestApp.Password) }, "test", CancellationToken.None);
    }

    private sealed class MemoryUsers(WebUser user) : IUserStore
    {
        public WebUser User { get; set; } = user;

        public int Reads { get; private set; }

        public Task<WebUser?> FindAsync(string userName, CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult<WebUser?>(string.Equals(userName, User.UserName, StringComparison.OrdinalIgnoreCase) ? User : null);
        }

        public Task<IReadOnlyList<WebUser>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<WebUser>>([User]);

        public Task<int> CountAsync(CancellationToken cancellationToken) => Task.FromResult(1);

        public Task<WebUser> SaveAsync(WebUser user, string actor, CancellationToken cancellationToken) => Task.FromResult(User = user);
    }

    private sealed class NoAuthentication : IAuthenticationService
    {
        public Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme) => Task.FromResult(AuthenticateResult.NoResult());

        public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => Task.CompletedTask;

        public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => Task.CompletedTask;

        public Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties) => Task.CompletedTask;

        public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => Task.CompletedTask;
    }
}
