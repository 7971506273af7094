using System.Security.Claims;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.Storage;
using Microsoft.AspNetCore.Http;
using SocialWatch.Host.Web;
using SocialWatch.Host.Web.Auth;

namespace SocialWatch.Host.Tests.Web;

[TestClass]
public sealed class HangfireAdminFilterTests
{
    [TestMethod]
    public void Authorize_AdminSignedIn_IsAllowed()
    {
        var allowed = new HangfireAdminFilter().Authorize(ContextFor(SocialWatchRoles.Admin));

        Assert.IsTrue(allowed);
    }

    [TestMethod]
    [DataRow(SocialWatchRoles.Agent)]
    [DataRow(SocialWatchRoles.Pr)]
    [DataRow(SocialWatchRoles.Manager)]
    public void Authorize_OtherRole_IsRefused(string role)
    {
        var allowed = new HangfireAdminFilter().Authorize(ContextFor(role));

        Assert.IsFalse(allowed);
    }

    [TestMethod]
    public void Authorize_Anonymous_IsRefusedEvenFromThisMachine()
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        http.Connection.RemoteIpAddress = System.Net.IPAddress.Loopback;
        http.Connection.LocalIpAddress = System.Net.IPAddress.Loopback;

        var allowed = new HangfireAdminFilter().Authorize(new AspNetCoreDashboardContext(new UnusedStorage(), new DashboardOptions(), http));

        Assert.IsFalse(allowed);
    }

    private static AspNetCoreDashboardContext ContextFor(string role)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, role), new Claim(ClaimTypes.Role, role)], "Cookies", ClaimTypes.Name, ClaimTypes.Role);
        var http = new DefaultHttpContext { User = new ClaimsPrincipal(identity), RequestServices = new ServiceCollection().BuildServiceProvider() };
        return new AspNetCoreDashboardContext(new UnusedStorage(), new DashboardOptions(), http);
    }

    /// <summary>The filter never touches job storage; a real one would log through Hangfire's process-wide logger.</summary>
    private sealed class UnusedStorage : JobStorage
    {
        public override IMonitoringApi GetMonitoringApi() => throw new NotSupportedException();

        public override IStorageConnection GetConnection() => throw new NotSupportedException();
    }
}
