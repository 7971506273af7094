using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Alerts.Email;

public enum SmtpSecurity
{
    /// <summary>Plain connection (a relay on localhost or inside a private network).</summary>
    None,

    /// <summary>Connect in plain text, then require STARTTLS before anything is sent.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}

/// <summary>Mail server the digests and e-mail notifications go through ("Smtp" section).</summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string SectionName = "Smtp";

    [Required]
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Login name; leave empty for a server that needs no authentication.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Sender address, e.g. "SocialWatch &lt;socialwatch@example.com&gt;".</summary>
    [Required]
    public string From { get; set; } = "";

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(From) && !MimeKit.MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult("Smtp:From must be an e-mail address.", [nameof(From)]);
        }

        if (!string.IsNullOrEmpty(UserName) && string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Smtp:Password is required when Smtp:UserName is set.", [nameof(Password)]);
        }
    }
}
