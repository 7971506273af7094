using SocialWatch.Core.Alerts;
using SocialWatch.Core.Mentions;

namespace SocialWatch.Core.Workflow;

/// <summary>Read queries the workflow needs beyond <see cref="Core.Storage.IAlertStore"/>.</summary>
public interface IWorkflowQueries
{
    /// <summary>Open alerts per assignee in a team (members without any are absent).</summary>
    Task<IReadOnlyDictionary<string, int>> CountOpenByAssigneeAsync(string team, CancellationToken cancellationToken);

    /// <summary>
    /// The most recently resolved mention alert of a brand whose mention has the same source and author, resolved at
    /// or after <paramref name="resolvedSince"/>; null when there is none.
    /// </summary>
    Task<Alert?> FindRecentlyResolvedAsync(string brand, string source, string authorId, DateTimeOffset resolvedSince, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="FindRecentlyResolvedAsync(string, string, string, DateTimeOffset, CancellationToken)"/> for a page of
    /// routed mentions' authors in one query; authors without such a case are absent.
    /// </summary>
    Task<IReadOnlyDictionary<AuthorCaseKey, Alert>> FindRecentlyResolvedAsync(IReadOnlyCollection<AuthorCaseKey> authors, DateTimeOffset resolvedSince, CancellationToken cancellationToken);

    /// <summary>
    /// The latest two engagement snapshots of each mention (oldest first), for the SLA sweep's velocity: one query for
    /// all open alerts instead of one per alert. Mentions without snapshots are absent.
    /// </summary>
    Task<IReadOnlyDictionary<long, IReadOnlyList<EngagementSnapshot>>> GetLatestSnapshotsAsync(IReadOnlyList<long> mentionIds, CancellationToken cancellationToken);

    /// <summary>True when an alert was already raised for the mention (a repeated hand-over must not raise two).</summary>
    Task<bool> HasAlertForMentionAsync(long mentionId, CancellationToken cancellationToken);

    /// <summary>
    /// Of <paramref name="mentionIds"/>, those already handled (they raised an alert, or caused a change on one: a
    /// reopening): one query per page of routed mentions instead of <see cref="HasAlertForMentionAsync"/> per mention.
    /// </summary>
    Task<IReadOnlySet<long>> FindHandledMentionsAsync(IReadOnlyList<long> mentionIds, CancellationToken cancellationToken);

    /// <summary>The alert the mention raised (its one alert, open or closed); null when it raised none.</summary>
    Task<Alert?> FindAlertForMentionAsync(long mentionId, CancellationToken cancellationToken);
}

/// <summary>Whose earlier case a mention may reopen: the same author on the same source, for the same brand.</summary>
public sealed record AuthorCaseKey(string Brand, string Source, string AuthorId);
