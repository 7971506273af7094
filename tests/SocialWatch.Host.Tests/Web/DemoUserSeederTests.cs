using SocialWatch.Core.Access;

namespace SocialWatch.Host.Tests.Web;

/// <summary>The embedded default's first start: demo accounts a newcomer can sign in with, and nothing more.</summary>
[TestClass]
public sealed class DemoUserSeederTests
{
    [TestMethod]
    public async Task FirstStart_WithoutConfiguredPassword_CreatesDemoUsersWithAGeneratedPassword()
    {
        await using var app = await WebTestApp.StartAsync("--Web:DemoUsers:Password", "");

        var users = await app.Services.GetRequiredService<IUserStore>().ListAsync(CancellationToken.None);
        using var client = new WebClient(app.BaseAddress);

        Assert.AreEqual("admin,agent,manager,pr", string.Join(",", users.Select(u => u.UserName).Order(StringComparer.Ordinal)));
        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => client.SignInAsync("admin", WebTestApp.Password));
    }

    [TestMethod]
    public async Task FirstStart_WithDemoUsersDisabled_CreatesNoAccount()
    {
        await using var app = await WebTestApp.StartAsync("--Web:DemoUsers:Enabled", "false");

        var count = await app.Services.GetRequiredService<IUserStore>().CountAsync(CancellationToken.None);

        Assert.AreEqual(0, count);
    }
}
