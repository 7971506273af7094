using SocialWatch.Core.Alerts;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Storage;

// Rows as Dapper reads them, shared by the dialects. TTime is the column type a dialect stores times in
// (long unix milliseconds in SQLite, UTC DateTime elsewhere); each store passes its own conversion.

/// <summary>
/// The mention columns under the names <see cref="MentionRow{TTime}"/> reads, for every store that selects whole
/// mentions (the mention stores, the watch list); the same text in every dialect.
/// </summary>
internal static class MentionRowColumns
{
    public const string Select = """
        id AS Id, source AS Source, external_id AS ExternalId, brand AS Brand, text AS Text,
        author_id AS AuthorId, author_handle AS AuthorHandle, author_display_name AS AuthorDisplayName,
        author_followers AS AuthorFollowers, author_verified AS AuthorVerified,
        likes AS Likes, reposts AS Reposts, replies AS Replies, quotes AS Quotes,
        url AS Url, lang AS Lang, conversation_id AS ConversationId, created_at AS CreatedAt, ingested_at AS IngestedAt,
        redacted AS Redacted, sentiment AS Sentiment, p_negative AS PNegative, p_neutral AS PNeutral, p_positive AS PPositive,
        complaint AS Complaint, escalation_score AS EscalationScore, escalation_level AS EscalationLevel,
        reasons AS Reasons, model_version AS ModelVersion
        """;
}

internal sealed class MentionRow<TTime>
    where TTime : struct
{
    public long Id { get; set; }
    public string Source { get; set; } = "";
    public string ExternalId { get; set; } = "";
    public string Brand { get; set; } = "";
    public string Text { get; set; } = "";
    public string AuthorId { get; set; } = "";
    public string AuthorHandle { get; set; } = "";
    public string? AuthorDisplayName { get; set; }
    public long AuthorFollowers { get; set; }
    public bool AuthorVerified { get; set; }
    public long Likes { get; set; }
    public long Reposts { get; set; }
    public long Replies { get; set; }
    public long Quotes { get; set; }
    public string? Url { get; set; }
    public string? Lang { get; set; }
    public string? ConversationId { get; set; }
    public TTime CreatedAt { get; set; }
    public TTime IngestedAt { get; set; }
    public bool Redacted { get; set; }
    public string? Sentiment { get; set; }
    public float? PNegative { get; set; }
    public float? PNeutral { get; set; }
    public float? PPositive { get; set; }
    public float? Complaint { get; set; }
    public float? EscalationScore { get; set; }
    public string? EscalationLevel { get; set; }
    public string? Reasons { get; set; }
    public string? ModelVersion { get; set; }

    public StoredMention ToStoredMention(Func<TTime, DateTimeOffset> time)
    {
        var mention = new Mention
        {
            Source = Source,
            ExternalId = ExternalId,
            Brand = Brand,
            Text = Text,
            Author = new MentionAuthor(AuthorId, AuthorHandle, AuthorDisplayName, AuthorFollowers, AuthorVerified),
            Metrics = new EngagementMetrics(Likes, Reposts, Replies, Quotes),
            Url = Url,
            Language = Lang,
            ConversationId = ConversationId,
            CreatedAt = time(CreatedAt),
            IngestedAt = time(IngestedAt),
        };

        MentionScore? score = null;
        if (ModelVersion is not null && Sentiment is not null && EscalationLevel is not null)
        {
            score = new MentionScore(
                new SentimentScore(Enum.Parse<SentimentLabel>(Sentiment), PNegative ?? 0, PNeutral ?? 0, PPositive ?? 0),
                Complaint ?? 0,
                new EscalationScore(EscalationScore ?? 0, Enum.Parse<EscalationLevel>(EscalationLevel), StorageJson.DeserializeReasons(Reasons)),
                ModelVersion);
        }

        return new StoredMention(Id, mention, score, Redacted);
    }
}

internal sealed class SnapshotRow<TTime>
    where TTime : struct
{
    public long MentionId { get; set; }
    public TTime At { get; set; }
    public long Likes { get; set; }
    public long Reposts { get; set; }
    public long Replies { get; set; }
    public long Quotes { get; set; }

    public EngagementSnapshot ToSnapshot(Func<TTime, DateTimeOffset> time) =>
        new(MentionId, time(At), new EngagementMetrics(Likes, Reposts, Replies, Quotes));
}

internal sealed class AlertRow<TTime>
    where TTime : struct
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public long? MentionId { get; set; }
    public string Brand { get; set; } = "";
    public string Team { get; set; } = "";
    public int Priority { get; set; }
    public string State { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Reasons { get; set; }
    public string? AssignedTo { get; set; }
    public TTime CreatedAt { get; set; }
    public TTime UpdatedAt { get; set; }
    public TTime? FirstResponseDueAt { get; set; }
    public TTime? ResolveDueAt { get; set; }
    public TTime? FirstRespondedAt { get; set; }
    public TTime? ResolvedAt { get; set; }
    public string? DismissReason { get; set; }
    public int Version { get; set; }
    public string? SlaPolicy { get; set; }

    public Alert ToAlert(Func<TTime, DateTimeOffset> time) => new()
    {
        Id = Id,
        Kind = Enum.Parse<AlertKind>(Kind),
        MentionId = MentionId,
        Brand = Brand,
        Team = Team,
        Priority = (AlertPriority)Priority,
        State = Enum.Parse<AlertState>(State),
        Title = Title,
        Reasons = StorageJson.DeserializeReasons(Reasons),
        AssignedTo = AssignedTo,
        CreatedAt = time(CreatedAt),
        UpdatedAt = time(UpdatedAt),
        FirstResponseDueAt = FirstResponseDueAt is { } firstResponseDue ? time(firstResponseDue) : null,
        ResolveDueAt = ResolveDueAt is { } resolveDue ? time(resolveDue) : null,
        FirstRespondedAt = FirstRespondedAt is { } firstResponded ? time(firstResponded) : null,
        ResolvedAt = ResolvedAt is { } resolved ? time(resolved) : null,
        DismissReason = DismissReason,
        Version = Version,
        SlaPolicy = SlaPolicy,
    };
}

internal sealed class AuditRow<TTime>
    where TTime : struct
{
    public long Id { get; set; }
    public long AlertId { get; set; }
    public string Actor { get; set; } = "";
    public TTime At { get; set; }
    public string? FromState { get; set; }
    public string ToState { get; set; } = "";
    public string? Note { get; set; }

    public AuditEntry ToEntry(Func<TTime, DateTimeOffset> time) => new(
        Id,
        AlertId,
        Actor,
        time(At),
        FromState is null ? null : Enum.Parse<AlertState>(FromState),
        Enum.Parse<AlertState>(ToState),
        Note);
}

internal sealed class PauseRow<TTime>
    where TTime : struct
{
    public string Source { get; set; } = "";
    public TTime PausedUntil { get; set; }
    public string Reason { get; set; } = "";

    public SourcePause ToPause(Func<TTime, DateTimeOffset> time) => new(Source, time(PausedUntil), Reason);
}

internal sealed class FeedbackRow<TTime>
    where TTime : struct
{
    public long Id { get; set; }
    public string Text { get; set; } = "";
    public string? Brand { get; set; }
    public string? Sentiment { get; set; }
    public bool? Complaint { get; set; }
    public bool? Escalate { get; set; }
    public string Origin { get; set; } = "";
    public long? MentionId { get; set; }
    public string? Actor { get; set; }
    public TTime CreatedAt { get; set; }

    public FeedbackLabel ToLabel(Func<TTime, DateTimeOffset> time) => new()
    {
        Id = Id,
        Text = Text,
        Brand = Brand,
        Sentiment = Sentiment is null ? null : Enum.Parse<SentimentLabel>(Sentiment),
        Complaint = Complaint,
        Escalate = Escalate,
        Origin = Origin,
        MentionId = MentionId,
        Actor = Actor,
        CreatedAt = time(CreatedAt),
    };
}

/// <summary>The part of an alert ApplyAsync checks before it writes.</summary>
internal sealed class AlertVersionRow
{
    public string State { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>Alert states kept as open in the care queue; the stores keep an is_open column in step with them.</summary>
internal static class AlertStates
{
    public static bool IsOpen(AlertState state) => state is not (AlertState.Resolved or AlertState.Dismissed);
}
