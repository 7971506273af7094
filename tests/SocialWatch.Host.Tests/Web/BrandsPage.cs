namespace SocialWatch.Host.Tests.Web;

/// <summary>The brands admin page as its tests drive it: an admin's client, and its forms posted with their antiforgery token.</summary>
internal static class BrandsPage
{
    public static async Task<WebClient> AdminAsync(WebTestApp app)
    {
        var client = new WebClient(app.BaseAddress);
        await client.SignInAsync("admin");
        return client;
    }

    public static async Task<HttpResponseMessage> PostAsync(WebClient client, string handler, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = await client.GetFormTokenAsync("/admin/brands");
        return await client.Http.PostAsync($"/admin/brands?handler={handler}", new FormUrlEncodedContent(form));
    }
}
