using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>Statements SQLite and PostgreSQL both accept word for word (SQL Server has its own).</summary>
internal static class StandardPromiseSql
{
    private const string Columns = """
        id AS Id, alert_id AS AlertId, text AS Text, due_at AS DueAt, created_by AS CreatedBy, created_at AS CreatedAt,
        kept_at AS KeptAt, kept_by AS KeptBy, broken_alert_id AS BrokenAlertId
        """;

    private const string InsertSql = """
        INSERT INTO promises (alert_id, text, due_at, created_by, created_at) VALUES (@AlertId, @Text, @DueAt, @CreatedBy, @CreatedAt) RETURNING id
        """;
    private const string GetSql = $"SELECT {Columns} FROM promises WHERE id = @id";
    private const string ListForAlertSql = $"SELECT {Columns} FROM promises WHERE alert_id = @alertId ORDER BY due_at, id";
    private const string MarkKeptSql = "UPDATE promises SET kept_at = @At, kept_by = @actor WHERE id = @id AND kept_at IS NULL";
    private const string GetOverdueSql = $"""
        SELECT {Columns} FROM promises
        WHERE kept_at IS NULL AND broken_alert_id IS NULL AND due_at <= @Now
        ORDER BY due_at, id LIMIT @Limit
        """;
    private const string MarkBrokenSql = "UPDATE promises SET broken_alert_id = @brokenAlertId WHERE id = @id AND broken_alert_id IS NULL";

    public static readonly PromiseSql Statements = new(InsertSql, GetSql, ListForAlertSql, MarkKeptSql, GetOverdueSql, MarkBrokenSql);
}
