using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace SocialWatch.Host.Web.Auth;

/// <summary>
/// Rejects state-changing API calls made with the sign-in cookie unless they carry the anti-forgery token (the
/// pages send it in <see cref="HeaderName"/>). Callers with an API key carry no cookie, so they cannot be forged.
/// </summary>
internal sealed class AntiforgeryCheck(IAntiforgery antiforgery, ILogger<AntiforgeryCheck> logger) : IEndpointFilter
{
    public const string HeaderName = "RequestVerificationToken";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                WebLog.AntiforgeryRejected(logger, http.Request.Method, http.Request.Path);
                return TypedResults.Problem("The request did not carry a valid anti-forgery token; reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
            }
        }

        return await next(context);
    }
}
