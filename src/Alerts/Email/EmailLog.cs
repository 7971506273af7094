using Microsoft.Extensions.Logging;

namespace SocialWatch.Alerts.Email;

internal static partial class EmailLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "E-mail {MessageId} to {RecipientCount} recipients accepted by the SMTP server: {Response}")]
    public static partial void Sent(ILogger logger, string messageId, int recipientCount, string response);
}
