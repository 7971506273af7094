using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Ingest.Sources.Demo;

/// <summary>
/// Replays bundled sample mentions so that a fresh install shows a working product without any API key.
/// Off unless <c>Sources:Demo:Enabled</c> is true (the host's default settings turn it on).
/// </summary>
public sealed class DemoOptions : SourceOptions
{
    public const string SectionName = "Sources:Demo";

    public DemoOptions()
    {
        Enabled = false;
        PollInterval = TimeSpan.FromSeconds(30);
    }

    /// <summary>The configured brand the samples are attributed to; the samples are written about "Acme Air".</summary>
    [Required(AllowEmptyStrings = false)]
    public string Brand { get; set; } = "Acme Air";

    /// <summary>New mentions per poll.</summary>
    [Range(1, 100)]
    public int MentionsPerPoll { get; set; } = 3;
}
