namespace SocialWatch.Host.Tests.Web;

/// <summary>Company sign-in is switched on by configuration alone.</summary>
[TestClass]
public sealed class OidcSignInTests
{
    [TestMethod]
    public async Task LoginPage_OffersCompanySignIn_OnlyWhenAnAuthorityIsConfigured()
    {
        await using var withOidc = await WebTestApp.StartAsync(
            "--Web:Oidc:Authority", "https://login.example.com/tenant",
            "--Web:Oidc:ClientId", "socialwatch",
            "--Web:Oidc:ClientSecret", "not-a-real-secret");
        await using var without = await WebTestApp.StartAsync();
        using var oidcClient = new WebClient(withOidc.BaseAddress);
        using var localClient = new WebClient(without.BaseAddress);

        var oidcPage = await oidcClient.Http.GetStringAsync("/login");
        var localPage = await localClient.Http.GetStringAsync("/login");

        StringAssert.Contains(oidcPage, "Sign in with your company account");
        Assert.IsFalse(localPage.Contains("company account", StringComparison.Ordinal));
    }
}
