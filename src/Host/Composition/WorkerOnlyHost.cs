using Microsoft.AspNetCore.Authentication.Cookies;

namespace SocialWatch.Host.Composition;

/// <summary>What changes on a host with <c>Host:Web=false</c> beyond the web UI not being mapped.</summary>
internal static class WorkerOnlyHost
{
    /// <summary>
    /// A worker serves only its health, metrics and job endpoints, and has no /login page. Without this, any other
    /// request meets the sign-in fallback policy and is sent to /login, which is again such a request: the redirects
    /// pile up ReturnUrl until the server answers 414. Here it answers 401 (403 for a wrong role) at once.
    /// </summary>
    public static IServiceCollection AnswerChallengesWithoutRedirect(this IServiceCollection services)
    {
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o =>
        {
            o.Events.OnRedirectToLogin = context => Answer(context.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Answer(context.Response, StatusCodes.Status403Forbidden);
        });
        return services;
    }

    private static Task Answer(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
