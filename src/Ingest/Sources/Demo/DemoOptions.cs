using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Ingest.Sources.Demo;

/// <summary>
/// Simulates the mentions of one brand so that a fresh install shows a working product without any API key: ordinary
/// traffic, complaints that catch fire and incident bursts. Off unless <c>Sources:Demo:Enabled</c> is true (the host's
/// default settings turn it on). Everything a post is and does follows from <see cref="Seed"/> and its position in the
/// stream; changing the seed or the rates changes what the demo's older posts do on refresh.
/// </summary>
public sealed class DemoOptions : SourceOptions, IValidatableObject
{
    public const string SectionName = "Sources:Demo";

    public DemoOptions()
    {
        Enabled = false;
        PollInterval = TimeSpan.FromMinutes(2);
    }

    /// <summary>The configured brand the simulated posts are about; the texts are written for an airline.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Brand { get; set; } = "Acme Air";

    /// <summary>Ordinary posts per poll (bursts add to them): 3 every 2 minutes is 90 an hour, about 35 complaints.</summary>
    [Range(1, 100)]
    public int MentionsPerPoll { get; set; } = 3;

    /// <summary>Seed of the simulation; two hosts with the same seed produce the same posts and the same engagement.</summary>
    [Range(0, int.MaxValue)]
    public int Seed { get; set; } = 1202;

    /// <summary>
    /// Mean time between complaints from small accounts that catch fire (besides the first, which comes with the first
    /// poll so that a fresh demo has one to show).
    /// </summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan CascadeEvery { get; set; } = TimeSpan.FromMinutes(40);

    /// <summary>When the first incident burst starts, counted from the first poll.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan FirstBurstAfter { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>Mean time between incident bursts; each one starts up to a quarter of this early or late.</summary>
    [Range(typeof(TimeSpan), "00:30:00", "30.00:00:00")]
    public TimeSpan BurstEvery { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long a burst lasts: it rises within the first few minutes and tails off.</summary>
    [Range(typeof(TimeSpan), "00:02:00", "06:00:00")]
    public TimeSpan BurstLength { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Posts a burst adds on top of the ordinary traffic; 0 turns bursts off. The default, over 90 ordinary posts an hour,
    /// doubles the hour's volume and lifts its negative share well above the spike detector's default bars.
    /// </summary>
    [Range(0, 10_000)]
    public int BurstSize { get; set; } = 120;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Bursts move by up to a quarter of the spacing either way; a shorter gap could make two of them overlap.
        if (BurstLength > BurstEvery / 2)
        {
            yield return new ValidationResult(
                $"{nameof(BurstLength)} ({BurstLength}) must be at most half of {nameof(BurstEvery)} ({BurstEvery}).",
                [nameof(BurstLength), nameof(BurstEvery)]);
        }

        if (PollInterval > BurstLength)
        {
            yield return new ValidationResult(
                $"{nameof(PollInterval)} ({PollInterval}) must not exceed {nameof(BurstLength)} ({BurstLength}), or a burst would fall between two polls.",
                [nameof(PollInterval), nameof(BurstLength)]);
        }
    }
}
