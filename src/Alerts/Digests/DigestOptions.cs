using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Alerts.Digests;

/// <summary>Settings of the digest e-mails ("Digests" section).</summary>
public sealed class DigestOptions : IValidatableObject
{
    public const string SectionName = "Digests";

    /// <summary>Public address of the web app; links in the digest point below it (e.g. https://socialwatch.example.com/).</summary>
    [Required]
    public Uri? AppBaseUrl { get; set; }

    /// <summary>How many open alerts the "top risks" list shows.</summary>
    [Range(1, 50)]
    public int TopRisks { get; set; } = 5;

    /// <summary>How many spikes the digest lists.</summary>
    [Range(1, 50)]
    public int Spikes { get; set; } = 10;

    /// <summary>How many growing complaint reasons the digest lists.</summary>
    [Range(1, 20)]
    public int GrowingReasons { get; set; } = 5;

    /// <summary>Periods up to this long are charted per hour; longer ones per local day.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "31.00:00:00")]
    public TimeSpan HourlyChartUpTo { get; set; } = TimeSpan.FromDays(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AppBaseUrl is not null && (!AppBaseUrl.IsAbsoluteUri || AppBaseUrl.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult("Digests:AppBaseUrl must be an absolute http(s) address.", [nameof(AppBaseUrl)]);
        }
    }
}
