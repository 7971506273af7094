namespace SocialWatch.Alerts.Notifications;

/// <summary>Sends one e-mail (the Host wires the SMTP implementation).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>An e-mail ready to send; <see cref="HtmlBody"/> is already encoded by whoever built it.</summary>
public sealed record EmailMessage(IReadOnlyList<string> To, string Subject, string HtmlBody, string TextBody);
