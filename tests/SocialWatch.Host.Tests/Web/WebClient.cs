using System.Net;
using System.Text.RegularExpressions;

namespace SocialWatch.Host.Tests.Web;

/// <summary>An HttpClient with its own cookie jar that can sign in through the login form, as a browser would.</summary>
internal sealed partial class WebClient : IDisposable
{
    private readonly HttpClientHandler _handler;

    public WebClient(Uri baseAddress)
    {
        _handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };
        Http = new HttpClient(_handler) { BaseAddress = baseAddress };
    }

    public HttpClient Http { get; }

    public async Task SignInAsync(string userName, string password = WebTestApp.Password)
    {
        var token = await GetFormTokenAsync("/login");
        using var response = await Http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} answered {(int)response.StatusCode}, not a redirect.");
        }
    }

    /// <summary>The anti-forgery token of the first form on a page.</summary>
    public async Task<string> GetFormTokenAsync(string path)
    {
        var html = await Http.GetStringAsync(path);
        return TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"{path} has no anti-forgery token.");
    }

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
