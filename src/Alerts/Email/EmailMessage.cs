namespace SocialWatch.Alerts.Email;

/// <summary>
/// An e-mail to send: a plain-text part, an optional HTML part, and images the HTML references as <c>cid:</c>.
/// </summary>
public sealed record EmailMessage
{
    public required IReadOnlyList<string> To { get; init; }
    public required string Subject { get; init; }
    public required string TextBody { get; init; }
    public string? HtmlBody { get; init; }
    public IReadOnlyList<InlineImage> InlineImages { get; init; } = [];

    /// <summary>Message-ID to send with (without angle brackets); null lets the sender make one.</summary>
    public string? MessageId { get; init; }
}

/// <summary>An image embedded in the HTML part, referenced as <c>cid:{ContentId}</c>.</summary>
public sealed record InlineImage(string ContentId, string FileName, string MediaType, byte[] Content);

/// <summary>Hands e-mail to the mail server. Throws when the server does not accept the message.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
