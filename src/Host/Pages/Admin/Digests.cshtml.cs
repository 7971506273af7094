using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialWatch.Alerts.Digests;
using SocialWatch.Core.Access;
using SocialWatch.Core.Digests;

namespace SocialWatch.Host.Pages.Admin;

/// <summary>Scheduled digest e-mails for managers: who gets which brands when, with a preview of the next one.</summary>
public sealed class DigestsModel(
    ListDigestSubscriptions list,
    CreateDigestSubscription create,
    DeleteDigestSubscription delete,
    PreviewDigest preview,
    SendTestDigest sendTest,
    IUserStore users) : PageModel
{
    public IReadOnlyList<DigestSubscriptionView> Subscriptions { get; private set; } = [];

    [BindProperty]
    public DigestForm Input { get; set; } = new();

    [BindProperty]
    public TestForm Test { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    /// <summary>Why the test digest was not sent, shown beside its form (not in the new-digest form's summary).</summary>
    public string? TestError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Subscriptions = await list.HandleAsync(cancellationToken);

        // "To me": the signed-in admin's own address, when their account has one.
        Test.To = User.Identity?.Name is { } name ? (await users.FindAsync(name, cancellationToken))?.Email : null;
    }

    /// <summary>Sends the digest of the period just ended at once, to try the mail server and the layout.</summary>
    public async Task<IActionResult> OnPostTestAsync(CancellationToken cancellationToken)
    {
        try
        {
            var brands = (Test.Brands ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var sent = await sendTest.HandleAsync(new TestDigestRequest(Test.To ?? "", brands, TimeSpan.FromHours(Test.Hours)), cancellationToken);
            Message = $"Test digest sent to {Test.To!.Trim()}: {sent.Mentions} mentions in the last {(Test.Hours >= 48 ? $"{Test.Hours / 24} days" : $"{Test.Hours} hours")}.";
            return RedirectToPage();
        }
        catch (DigestValidationException e)
        {
            TestError = string.Join(" ", e.Errors.Values);
        }
        catch (DigestDeliveryException e)
        {
            TestError = $"The mail server did not take the test digest: {e.Message}";
        }

        Subscriptions = await list.HandleAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var created = await create.HandleAsync(Input.ToRequest(), cancellationToken);
            Message = $"Digest {created.Name} created.";
            return RedirectToPage();
        }
        catch (DigestValidationException e)
        {
            foreach (var (field, message) in e.Errors)
            {
                ModelState.AddModelError("Input." + field, message);
            }

            Subscriptions = await list.HandleAsync(cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        var deleted = await delete.HandleAsync(id, cancellationToken);
        Message = deleted ? "Digest deleted." : "That digest no longer exists.";
        return RedirectToPage();
    }

    /// <summary>
    /// The next digest as it would be sent. Served sandboxed: the digest encodes what strangers wrote, and the sandbox
    /// keeps even a slip from running anything in this origin.
    /// </summary>
    public async Task<IActionResult> OnGetPreviewAsync(long id, CancellationToken cancellationToken)
    {
        var digest = await preview.HandleAsync(id, cancellationToken);
        if (digest is null)
        {
            return NotFound();
        }

        Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'";
        return Content(digest.Html, "text/html; charset=utf-8");
    }

    public sealed class TestForm
    {
        public string? To { get; set; }
        public string? Brands { get; set; }

        /// <summary>24 (a day) or 168 (a week): the period just ended that the test covers.</summary>
        public int Hours { get; set; } = 24;
    }

    public sealed class DigestForm
    {
        public string? Name { get; set; }
        public string? Recipients { get; set; }
        public string? Brands { get; set; }
        public DigestCadence Cadence { get; set; } = DigestCadence.Daily;
        public TimeOnly? SendAt { get; set; } = new(8, 0);
        public DayOfWeek? WeeklyOn { get; set; } = DayOfWeek.Monday;
        public string? Cron { get; set; }
        public string? TimeZone { get; set; } = "UTC";

        public DigestSubscriptionRequest ToRequest() => new()
        {
            Name = Name,
            Recipients = Split(Recipients),
            Brands = Split(Brands),
            Cadence = Cadence,
            SendAt = SendAt,
            WeeklyOn = WeeklyOn,
            Cron = Cron,
            TimeZone = TimeZone,
        };

        private static List<string> Split(string? text) =>
            [.. (text ?? "").Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }
}
