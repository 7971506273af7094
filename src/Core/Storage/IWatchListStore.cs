using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Core.Storage;

/// <summary>
/// The watch list: stored mentions that may matter (complaints, negative mentions), whose engagement is re-read on a
/// backing-off cadence until their window ends, then re-scored. Due entries are claimed with a lease, so two hosts
/// never refresh the same mention at once.
/// </summary>
public interface IWatchListStore
{
    /// <summary>Adds entries; a mention already on the list keeps its entry (enrolment is repeated by the hand-over recovery).</summary>
    Task EnrolAsync(IReadOnlyList<WatchEnrolment> enrolments, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="limit"/> entries of a source (optionally of one brand) due by <paramref name="dueBy"/>
    /// and still watched at <paramref name="now"/> (in their window, or past it while their mention's alert is open: a case
    /// being worked keeps its engagement current), earliest due first, and holds them until
    /// <paramref name="claimUntil"/>. An entry claimed by another host is skipped until its claim runs out. Returns them
    /// with their stored mentions.
    /// </summary>
    Task<IReadOnlyList<ClaimedWatchEntry>> ClaimDueAsync(
        string source, string? brand, DateTimeOffset now, DateTimeOffset dueBy, DateTimeOffset claimUntil, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Stores one refresh page in one transaction: a snapshot per refreshed mention, its current metrics, its new score
    /// (copied onto its open alert's risk), its next due time, and releases the claims.
    /// </summary>
    Task RecordRefreshAsync(IReadOnlyList<WatchRefresh> refreshes, CancellationToken cancellationToken);

    /// <summary>Releases claimed entries without a refresh, due again at <paramref name="nextDueAt"/> (a budget ran out).</summary>
    Task ReleaseAsync(IReadOnlyList<long> mentionIds, DateTimeOffset nextDueAt, CancellationToken cancellationToken);

    /// <summary>Takes mentions off the list (deleted at their source).</summary>
    Task RemoveAsync(IReadOnlyList<long> mentionIds, CancellationToken cancellationToken);

    /// <summary>Removes entries whose window ended before <paramref name="now"/>, unless their mention's alert is open; returns how many.</summary>
    Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Complaints (complaint P at least <paramref name="minComplaint"/>) each author made to the brand on the source in the
    /// 7 and 30 days before <paramref name="now"/>, not counting the mention itself. One entry per request, same order.
    /// </summary>
    Task<IReadOnlyList<AuthorHistory>> GetAuthorHistoriesAsync(
        IReadOnlyList<AuthorHistoryRequest> requests, float minComplaint, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The entries of a brand still watched at <paramref name="now"/>, for its cost (cadence position only).</summary>
    Task<IReadOnlyList<WatchEntryCadence>> GetCadencesAsync(string brand, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>A mention put on the watch list until <paramref name="WatchUntil"/>, first due at <paramref name="FirstDueAt"/>.</summary>
public sealed record WatchEnrolment(long MentionId, string Source, string Brand, DateTimeOffset EnrolledAt, DateTimeOffset WatchUntil, DateTimeOffset FirstDueAt);

/// <summary>A claimed entry with its mention.</summary>
/// <param name="CadenceFrom">Start of the age the cadence backs off with: enrolment, or the last refresh that saw growth.</param>
/// <param name="LastRefreshedAt">When the mention's stored counters were read, if ever refreshed (else they are from ingest).</param>
public sealed record ClaimedWatchEntry(
    StoredMention Mention, DateTimeOffset EnrolledAt, DateTimeOffset WatchUntil, DateTimeOffset CadenceFrom, DateTimeOffset? LastRefreshedAt, int Refreshes);

/// <summary>What one refresh of one watched mention found and decided.</summary>
/// <param name="Score">The new score, or null to keep the stored one.</param>
public sealed record WatchRefresh(long MentionId, DateTimeOffset At, EngagementMetrics Metrics, MentionScore? Score, DateTimeOffset CadenceFrom, DateTimeOffset NextDueAt);

/// <summary>Whose complaint history a re-score needs.</summary>
public sealed record AuthorHistoryRequest(long MentionId, string Source, string Brand, string AuthorId);

/// <summary>Where a watched entry stands in its cadence.</summary>
public sealed record WatchEntryCadence(string Source, DateTimeOffset CadenceFrom, DateTimeOffset NextDueAt, DateTimeOffset WatchUntil);
