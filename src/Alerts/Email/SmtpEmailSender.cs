using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Notifications = SocialWatch.Alerts.Notifications;

namespace SocialWatch.Alerts.Email;

/// <summary>
/// Sends e-mail with MailKit over SMTP. One connection per message: digests and critical-alert mails are rare,
/// and a fresh connection never inherits a half-broken session. Any refusal surfaces as an exception so that the
/// calling job fails and Hangfire retries it. Serves both the digests (with inline images) and the instant
/// critical-alert e-mail of the notifications.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender, Notifications.IEmailSender
{
    private readonly SmtpOptions _options = options.Value;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        using var mime = ToMime(message, MailboxAddress.Parse(_options.From));
        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };

        await client.ConnectAsync(_options.Host, _options.Port, Map(_options.Security), cancellationToken);
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken);
        }

        var response = await client.SendAsync(mime, cancellationToken);
        EmailLog.Sent(logger, mime.MessageId ?? "", message.To.Count, response);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    public Task SendAsync(Notifications.EmailMessage message, CancellationToken cancellationToken) =>
        SendAsync(new EmailMessage { To = message.To, Subject = message.Subject, TextBody = message.TextBody, HtmlBody = message.HtmlBody }, cancellationToken);

    internal static MimeMessage ToMime(EmailMessage message, MailboxAddress from)
    {
        if (message.To.Count == 0)
        {
            throw new ArgumentException("An e-mail needs at least one recipient.", nameof(message));
        }

        var mime = new MimeMessage();
        mime.From.Add(from);
        foreach (var to in message.To)
        {
            mime.To.Add(MailboxAddress.Parse(to));
        }

        mime.Subject = message.Subject;
        mime.MessageId = message.MessageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId();

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var image in message.InlineImages)
        {
            var part = body.LinkedResources.Add(image.FileName, image.Content, ContentType.Parse(image.MediaType));
            part.ContentId = image.ContentId;
            part.ContentDisposition = new ContentDisposition(ContentDisposition.Inline) { FileName = image.FileName };
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static SecureSocketOptions Map(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Unknown SMTP security mode."),
    };
}
