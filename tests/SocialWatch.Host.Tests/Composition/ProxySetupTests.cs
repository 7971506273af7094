using System.Net;
using System.Text.RegularExpressions;
using SocialWatch.Host.Tests.Web;

namespace SocialWatch.Host.Tests.Composition;

[TestClass]
public sealed partial class ProxySetupTests
{
    [TestMethod]
    public async Task SignIn_BehindATlsProxy_SetsSecureCookies()
    {
        await using var app = await WebTestApp.StartAsync();

        var cookies = await SignInAsync(app, forwardedProto: "https");

        Assert.IsNotEmpty(cookies);
        StringAssert.Contains(Cookie(cookies, "socialwatch.auth"), "secure");
        StringAssert.Contains(Cookie(cookies, "socialwatch.af"), "secure");
    }

    [TestMethod]
    public async Task SignIn_OverPlainHttpWithoutAProxy_SetsCookiesTheBrowserSendsBack()
    {
        await using var app = await WebTestApp.StartAsync();

        var cookies = await SignInAsync(app, forwardedProto: null);

        Assert.DoesNotContain("secure", Cookie(cookies, "socialwatch.auth"));
    }

    [TestMethod]
    public async Task ForwardedHeaders_WithAKnownNetworkThatIsNoNetwork_StopStartUp()
    {
        var start = () => WebTestApp.StartAsync("--ForwardedHeaders:KnownNetworks:0", "not-a-network");

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(start);

        StringAssert.Contains(error.Message, "ForwardedHeaders:KnownNetworks 'not-a-network'");
    }

    private static async Task<List<string>> SignInAsync(WebTestApp app, string? forwardedProto)
    {
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = app.BaseAddress };
        if (forwardedProto is not null)
        {
            http.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        }

        using var page = await http.GetAsync(new Uri("/login", UriKind.Relative));
        var antiforgery = page.Headers.GetValues("Set-Cookie").ToList();
        var token = WebUtility.HtmlDecode(TokenPattern().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = "agent",
                ["password"] = WebTestApp.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", string.Join("; ", antiforgery.Select(c => c.Split(';')[0])));
        using var response = await http.SendAsync(request);
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, "signed in");
        return [.. antiforgery, .. response.Headers.GetValues("Set-Cookie")];
    }

    private static string Cookie(List<string> cookies, string name) =>
        cookies.FirstOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal))?.ToLowerInvariant()
        ?? throw new AssertFailedException($"no {name} cookie in: {string.Join(" | ", cookies)}");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
