using Dapper;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

namespace SocialWatch.Storage.Stores;

/// <summary>
/// The statements one dialect runs for <c>feedback_labels</c>. <c>AddLabelSql</c> returns the new id;
/// <c>GetLabelsSql</c> takes @afterId and @limit and selects oldest first.
/// </summary>
internal sealed record FeedbackSql(string AddLabelSql, string GetLabelsSql);

/// <summary>Labelled examples for training: corrections made in the app and imported ones.</summary>
internal sealed class SqlFeedbackStore(SqlDialect dialect, FeedbackSql sql) : IFeedbackStore
{
    public async Task<long> AddAsync(FeedbackLabel label, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql.AddLabelSql, new
        {
            label.Text,
            label.Brand,
            Sentiment = label.Sentiment?.ToString(),
            label.Complaint,
            label.Escalate,
            label.Origin,
            label.MentionId,
            label.Actor,
            CreatedAt = dialect.ToDb(label.CreatedAt),
        }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<FeedbackLabel>> GetAsync(long afterId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LabelRow>(
            new CommandDefinition(sql.GetLabelsSql, new { afterId, limit = Math.Max(0, limit) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToLabel())];
    }

    private sealed class LabelRow
    {
        public long Id { get; init; }
        public string Text { get; init; } = "";
        public string? Brand { get; init; }
        public string? Sentiment { get; init; }
        public bool? Complaint { get; init; }
        public bool? Escalate { get; init; }
        public string Origin { get; init; } = "";
        public long? MentionId { get; init; }
        public string? Actor { get; init; }
        public object CreatedAt { get; init; } = 0L;

        public FeedbackLabel ToLabel() => new()
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
            CreatedAt = SqlDialect.FromDb(CreatedAt),
        };
    }
}
