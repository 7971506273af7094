using Dapper;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Storage.PostgreSql;

internal sealed class PostgreSqlFeedbackStore(PostgreSqlConnectionFactory connections) : IFeedbackStore
{
    private const string AddLabelSql = """
        INSERT INTO feedback_labels (text, brand, sentiment, complaint, escalate, origin, mention_id, actor, created_at)
        VALUES (@Text, @Brand, @Sentiment, @Complaint, @Escalate, @Origin, @MentionId, @Actor, @CreatedAt)
        RETURNING id
        """;

    public async Task<long> AddAsync(FeedbackLabel label, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(AddLabelSql, new
        {
            label.Text,
            label.Brand,
            Sentiment = label.Sentiment?.ToString(),
            label.Complaint,
            label.Escalate,
            label.Origin,
            label.MentionId,
            label.Actor,
            CreatedAt = PostgreSqlTime.ToDb(label.CreatedAt),
        }, cancellationToken: cancellationToken));
    }

    private const string GetLabelsSql = """
        SELECT id AS Id, text AS Text, brand AS Brand, sentiment AS Sentiment, complaint AS Complaint, escalate AS Escalate,
            origin AS Origin, mention_id AS MentionId, actor AS Actor, created_at AS CreatedAt
        FROM feedback_labels WHERE id > @afterId ORDER BY id LIMIT @limit
        """;

    public async Task<IReadOnlyList<FeedbackLabel>> GetAsync(long afterId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FeedbackRow<DateTime>>(
            new CommandDefinition(GetLabelsSql, new { afterId, limit = Math.Max(0, limit) }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToLabel(PostgreSqlTime.FromDb)).ToList();
    }
}
