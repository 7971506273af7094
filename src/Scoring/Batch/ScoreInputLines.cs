using SocialWatch.Core.Mentions;
using SocialWatch.Core.Scoring;
using SocialWatch.Scoring.Data;

namespace SocialWatch.Scoring.Batch;

/// <summary>A parsed input record: either a mention (with any labels) or the reason it was rejected.</summary>
internal sealed record ParsedMention(int Line, string? Id)
{
    public LabeledMention? Mention { get; init; }

    public string? Error { get; init; }
}

/// <summary>
/// The <c>score</c> verb's records through the one mention-line reader (<see cref="MentionLines"/>): the same bounds
/// and messages as push and replay, each prefixed with the line number, plus the labels only training input carries.
/// </summary>
internal static class ScoreInputLines
{
    /// <param name="now">The run's clock, for the latest accepted post date; null accepts any date after <see cref="MentionBounds.Earliest"/>.</param>
    public static ParsedMention Parse(string json, int line, DateTimeOffset? now = null) => FromRead(MentionLines.Read(json), line, now);

    /// <summary>Parses a line given as the file's UTF-8 bytes; invalid UTF-8 is read as a text reader would (U+FFFD).</summary>
    public static ParsedMention Parse(ReadOnlySpan<byte> utf8, int line, DateTimeOffset? now = null) => FromRead(MentionLines.Read(utf8), line, now);

    public static ParsedMention Build(int line, string? id, MentionLine dto, DateTimeOffset? now = null)
    {
        var errors = MentionLines.Check(dto, now ?? DateTimeOffset.MaxValue, out var createdAt).ToList();
        SentimentLabel? sentiment = null;
        if (dto.Sentiment is not null && (sentiment = SharedDatasets.ParseSentiment(dto.Sentiment)) is null)
        {
            errors.Add("\"sentiment\" must be negative, neutral or positive.");
        }

        if (errors.Count > 0)
        {
            return new ParsedMention(line, id) { Error = $"line {line}: {string.Join(" ", errors)}{IdSuffix(id)}" };
        }

        var author = dto.Author is { } a
            ? new MentionAuthor(a.Id ?? "", a.Handle ?? "", a.Name, a.Followers ?? 0, a.Verified ?? false)
            : null;
        var velocity = dto.Velocity is { } v
            ? new EngagementVelocity(v.RepostsPerHour ?? 0, v.EngagementPerHour ?? 0,
                v.DoublingMinutes is > 0 and var dm ? TimeSpan.FromMinutes(dm) : null)
            : null;
        var history = dto.History is { } h
            ? new AuthorHistory(h.ComplaintsLast7Days ?? 0, h.ComplaintsLast30Days ?? 0, h.ResolvedCases ?? 0)
            : null;
        var input = new ScoringInput(dto.Text!)
        {
            Author = author,
            Metrics = dto.EngagementMetrics,
            Velocity = velocity,
            History = history,
            CreatedAt = createdAt,
        };
        return new ParsedMention(line, id)
        {
            Mention = new LabeledMention(input)
            {
                Sentiment = sentiment,
                Complaint = dto.Complaint,
                Escalate = dto.Escalate,
                Origin = "file",
            },
        };
    }

    private static ParsedMention FromRead(MentionLineRead read, int line, DateTimeOffset? now) => read.Line is { } dto
        ? Build(line, dto.Id, dto, now)
        : new ParsedMention(line, read.SalvagedId) { Error = $"line {line}: {read.JsonError}{IdSuffix(read.SalvagedId)}" };

    private static string IdSuffix(string? id) => id is null ? "" : $" (id {Truncate(id)})";

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
