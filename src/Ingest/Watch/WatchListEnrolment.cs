using Microsoft.Extensions.Options;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

namespace SocialWatch.Ingest.Watch;

/// <summary>
/// Puts every newly stored mention that may matter (complaint or negative above the thresholds, alerted or not) on the
/// watch list. It runs as a stored-handler, so the page's hand-over record covers it: if the host fails after the
/// commit and before enrolment, the recovery job enrols the page later (enrolling twice keeps one entry). That keeps
/// the page's transaction, the ingest hot path, as it was.
/// </summary>
public sealed class WatchListEnrolment(IWatchListStore watchList, WatchCadence cadence, IOptions<WatchOptions> options, TimeProvider time) : IMentionsStoredHandler
{
    public async Task OnStoredAsync(IReadOnlyList<StoredMention> mentions, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var window = options.Value.Window;
        List<WatchEnrolment>? enrolments = null;
        foreach (var stored in mentions)
        {
            if (MayMatter(stored, options.Value))
            {
                (enrolments ??= []).Add(new WatchEnrolment(
                    stored.Id, stored.Mention.Source, stored.Mention.Brand, now, now + window, now + cadence.Shortest));
            }
        }

        if (enrolments is not null)
        {
            await watchList.EnrolAsync(enrolments, cancellationToken);
        }
    }

    /// <summary>A complaint or a negative mention above the configured probabilities; never a redacted one.</summary>
    public static bool MayMatter(StoredMention stored, WatchOptions options) =>
        !stored.Redacted
        && stored.Score is { } score
        && (score.Complaint >= options.MinComplaint || score.Sentiment.Negative >= options.MinNegative);
}
