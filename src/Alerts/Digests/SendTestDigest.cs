using MimeKit;
using SocialWatch.Alerts.Email;
using SocialWatch.Core.Digests;

namespace SocialWatch.Alerts.Digests;

/// <summary>What a test digest covers and where it goes.</summary>
/// <param name="Brands">Brands the digest covers; empty covers every brand.</param>
/// <param name="Period">The period that has just ended, e.g. the last 24 h.</param>
public sealed record TestDigestRequest(string To, IReadOnlyList<string> Brands, TimeSpan Period);

/// <summary>A test digest was sent: what the reader got.</summary>
public sealed record TestDigestResult(string Subject, DigestPeriod Period, long Mentions);

/// <summary>
/// Builds the digest of the period just ended and sends it at once to one address, to try the mail server, the
/// layout and the figures before a subscription goes out to managers. Nothing is recorded as a run, so the scheduled
/// digests are unaffected, and each test gets its own Message-ID so mail clients do not fold two tests into one.
/// </summary>
public sealed class SendTestDigest(DigestComposer composer, IEmailSender sender, TimeProvider time)
{
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(31);

    /// <exception cref="DigestValidationException">The address or the period is not usable; nothing was sent.</exception>
    /// <exception cref="DigestDeliveryException">The mail server could not be reached or refused the message.</exception>
    public async Task<TestDigestResult> HandleAsync(TestDigestRequest request, CancellationToken cancellationToken)
    {
        var to = request.To.Trim();
        var errors = new Dictionary<string, string>();
        if (!MailboxAddress.TryParse(to, out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal)
            || !string.Equals(mailbox.Address, to, StringComparison.OrdinalIgnoreCase))
        {
            errors["to"] = $"'{to}' is not an e-mail address.";
        }

        if (request.Period < DigestSchedule.MinimumInterval || request.Period > MaxPeriod)
        {
            errors["period"] = $"The period must be between {DigestSchedule.MinimumInterval.TotalHours:0} hour and {MaxPeriod.TotalDays:0} days.";
        }

        if (errors.Count > 0)
        {
            throw new DigestValidationException(errors);
        }

        var now = time.GetUtcNow();
        var subscription = new DigestSubscription
        {
            Name = "Test digest",
            Recipients = [to],
            Brands = [.. request.Brands.Select(b => b.Trim()).Where(b => b.Length > 0).Distinct(StringComparer.Ordinal)],
            TimeZoneId = "UTC",
        };
        var period = new DigestPeriod(now - request.Period, now, now - 2 * request.Period);
        var digest = await composer.ComposeAsync(subscription, DigestSchedule.For(subscription), period, now, ChartEmbedding.ContentId, cancellationToken);
        var message = digest.Message with
        {
            Subject = "[test] " + digest.Message.Subject,
            MessageId = $"digest.test.{now.ToUnixTimeMilliseconds()}.{Guid.NewGuid():N}@socialwatch",
        };
        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException
                                      or MailKit.ServiceNotConnectedException or MailKit.Security.AuthenticationException
                                      or System.Net.Sockets.SocketException or IOException or TimeoutException)
        {
            throw new DigestDeliveryException(e.Message, e);
        }

        return new TestDigestResult(message.Subject, period, digest.Report.Volume.Mentions);
    }
}

/// <summary>The mail server could not be reached or did not take a test digest; the message says why, in the server's words.</summary>
public sealed class DigestDeliveryException(string message, Exception inner) : Exception(message, inner);
