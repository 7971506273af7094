namespace SocialWatch.Core.Retention;

/// <summary>Deletes personal data for retention and erasure requests.</summary>
public interface IRetentionStore
{
    /// <summary>
    /// Deletes up to <paramref name="batchSize"/> mentions of a brand created before the cutoff, with their
    /// snapshots and feedback labels; mentions behind an open alert are kept until the alert closes, and closed
    /// alerts lose their link and the quoted text in their title. Returns how many mentions were deleted.
    /// </summary>
    Task<int> PurgeMentionsAsync(string brand, DateTimeOffset createdBefore, int batchSize, CancellationToken cancellationToken);

    /// <summary>
    /// The author ids stored on a source for what an erasure request names: the author's id itself, or a handle
    /// (compared without case, a leading '@' ignored). Several ids when a handle passed from one account to another.
    /// </summary>
    Task<IReadOnlyList<string>> FindAuthorIdsAsync(string source, string author, CancellationToken cancellationToken);

    /// <summary>What <see cref="EraseAuthorAsync"/> would remove for the author now, removing nothing.</summary>
    Task<AuthorDataCounts> CountAuthorDataAsync(string source, string authorId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every mention of one author on a source, every brand's copy (open alerts included: an erasure request
    /// overrides the queue), with their snapshots, watch-list entries, feedback labels, unsent notifications and the
    /// author index; strips the quoted text from their alerts and the agents' notes and promises on those alerts.
    /// </summary>
    Task<AuthorDataCounts> EraseAuthorAsync(string source, string authorId, CancellationToken cancellationToken);
}

/// <summary>How much of one author's data is stored (or was erased), per kind.</summary>
/// <param name="Mentions">Mention rows: a post stored for two brands counts twice.</param>
/// <param name="Alerts">Alerts quoting the author, their text removed (the alerts themselves stay, for the team's figures).</param>
/// <param name="AlertNotes">Agents' notes in those alerts' history.</param>
/// <param name="Promises">Promises recorded on those alerts (their text, and the title of any broken-promise alert).</param>
/// <param name="Notifications">Webhook and e-mail messages not yet sent (or given up) that quote those alerts.</param>
public sealed record AuthorDataCounts(
    int Mentions, int Snapshots, int WatchEntries, int Alerts, int AlertNotes, int Promises, int FeedbackLabels, int Notifications)
{
    public static readonly AuthorDataCounts None = new(0, 0, 0, 0, 0, 0, 0, 0);

    public bool IsEmpty => this == None;

    public AuthorDataCounts Add(AuthorDataCounts other) => new(
        Mentions + other.Mentions, Snapshots + other.Snapshots, WatchEntries + other.WatchEntries, Alerts + other.Alerts,
        AlertNotes + other.AlertNotes, Promises + other.Promises, FeedbackLabels + other.FeedbackLabels, Notifications + other.Notifications);

    /// <summary>Every kind with its count, in the order the CLI and the admin page list them.</summary>
    public IReadOnlyList<(string Kind, int Count)> ByKind() =>
    [
        ("mentions", Mentions), ("engagement snapshots", Snapshots), ("watch-list entries", WatchEntries), ("alerts (text removed)", Alerts),
        ("alert notes", AlertNotes), ("promises", Promises), ("feedback labels", FeedbackLabels), ("pending notifications", Notifications),
    ];

    /// <summary>"3 mentions, 5 snapshots, …": the kinds with something in them, for the CLI, the page and the audit.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        Part(Mentions, "mention", "mentions");
        Part(Snapshots, "engagement snapshot", "engagement snapshots");
        Part(WatchEntries, "watch-list entry", "watch-list entries");
        Part(Alerts, "alert", "alerts");
        Part(AlertNotes, "alert note", "alert notes");
        Part(Promises, "promise", "promises");
        Part(FeedbackLabels, "feedback label", "feedback labels");
        Part(Notifications, "pending notification", "pending notifications");
        return parts.Count == 0 ? "nothing" : string.Join(", ", parts);

        void Part(int count, string one, string many)
        {
            if (count > 0)
            {
                parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}"));
            }
        }
    }
}

/// <summary>Audit of data removals, kept apart from the alerts' own audit trail.</summary>
public interface IDataAuditLog
{
    Task AddAsync(DataAuditEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<DataAuditEntry>> ListAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken);
}

/// <param name="Action">"retention-purge" or "author-erasure".</param>
/// <param name="Subject">The brand purged, or a one-way hash of the erased author (the audit must not keep what it erased).</param>
public sealed record DataAuditEntry(long Id, string Action, string Subject, string Actor, DateTimeOffset At, int Count, string? Detail);
