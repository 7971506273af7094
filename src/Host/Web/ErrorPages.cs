namespace SocialWatch.Host.Web;

/// <summary>
/// What a failed request answers: a person in a browser gets a page of the product (<c>/error/{code}</c>) with a way
/// back; an API caller, the live stream, a chart or a health probe gets RFC 7807 problem-details JSON, as before.
/// </summary>
public static class ErrorPages
{
    public static void UseSocialWatchErrorPages(this WebApplication app)
    {
        app.UseWhen(IsBrowserPage, branch =>
        {
            branch.UseExceptionHandler("/error/500");
            branch.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.UseWhen(context => !IsBrowserPage(context), branch =>
        {
            branch.UseExceptionHandler();
            branch.UseStatusCodePages();
        });
    }

    /// <summary>The API, the live stream, the charts, the scrape and the API document: called by code, answered with a status code, never a page.</summary>
    internal static bool IsForMachines(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/live") || path.StartsWithSegments("/charts")
        || path.StartsWithSegments("/metrics") || path.StartsWithSegments("/openapi");

    /// <summary>A navigation or form post from a browser: it asks for HTML, and the path is not a machine's.</summary>
    internal static bool IsBrowserPage(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsPost(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        var path = request.Path;
        if (IsForMachines(path) || path.StartsWithSegments("/health") || path.StartsWithSegments("/hangfire"))
        {
            return false;
        }

        return request.Headers.Accept.Any(value => value is not null && value.Contains("text/html", StringComparison.OrdinalIgnoreCase));
    }
}
