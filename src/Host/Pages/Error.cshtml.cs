using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SocialWatch.Host.Pages;

/// <summary>
/// The page a browser sees instead of a bare status code (API callers get problem-details JSON instead; see
/// <c>ErrorPages</c>). Reached only by re-execution, so it keeps the status of the request that failed and answers
/// whatever its method was: a failed form post must not turn into an anti-forgery error on the way here.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Something went wrong";

    public string Explanation { get; private set; } = "";

    /// <summary>Set for server errors only: it is what the log line carries, so an administrator can find it.</summary>
    public string? TraceId { get; private set; }

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private IActionResult Show(int code)
    {
        // Asked for directly (/error/404), the page would otherwise answer 200 and look like a real page.
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        var status = original ? Response.StatusCode : code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        Response.StatusCode = status;
        (Heading, Explanation) = status switch
        {
            StatusCodes.Status404NotFound => ("Not found", "There is nothing at this address. The alert or page may have been removed, or the link is mistyped."),
            StatusCodes.Status403Forbidden => ("Not allowed", "Your role does not give access to this page."),
            StatusCodes.Status400BadRequest => ("That request could not be read", "Go back, check what you entered and try again."),
            StatusCodes.Status413PayloadTooLarge => ("Too large", "What you sent is larger than this service accepts."),
            StatusCodes.Status429TooManyRequests => ("Too many attempts", "Wait a minute, then try again."),
            >= 500 => ("Something went wrong on our side", "The request was not completed. Try again in a moment; if it keeps failing, tell your administrator."),
            _ => ("That did not work", $"The request answered {status}."),
        };
        if (status >= 500)
        {
            TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }

        return Page();
    }
}
