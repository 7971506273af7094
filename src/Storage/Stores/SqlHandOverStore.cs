using System.Data.Common;
using System.Globalization;
using Dapper;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Storage;

namespace SocialWatch.Storage.Stores;

/// <summary>
/// The statements of one dialect for <c>mention_handovers</c>. <c>Insert</c> takes @MentionIds and @StoredAt and returns
/// the new id; <c>Complete</c> and <c>Fail</c> take @id; <c>Pending</c> takes @before and @limit and selects Id,
/// MentionIds, StoredAt, Attempts, least-tried first.
/// </summary>
internal sealed record HandOverSql(string Insert, string Complete, string Fail, string Pending);

/// <summary>Writes a page's hand-over inside the page's transaction (each dialect's mention store calls this).</summary>
internal static class MentionHandOvers
{
    public static async Task<long?> RecordAsync(
        DbConnection connection,
        DbTransaction transaction,
        string insertSql,
        IngestBatch batch,
        IReadOnlyList<StoredMention> inserted,
        object storedAt,
        CancellationToken cancellationToken)
    {
        if (!batch.HandOver || inserted.Count == 0)
        {
            return null;
        }

        var ids = string.Join(',', inserted.Select(m => m.Id.ToString(CultureInfo.InvariantCulture)));
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            insertSql, new { MentionIds = ids, StoredAt = storedAt }, transaction, cancellationToken: cancellationToken));
    }

    public static IReadOnlyList<long> ParseIds(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => long.Parse(id, CultureInfo.InvariantCulture))];
}

internal sealed class SqlHandOverStore(SqlDialect dialect, HandOverSql sql) : IHandOverStore
{
    public async Task CompleteAsync(long handOverId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql.Complete, new { id = handOverId }, cancellationToken: cancellationToken));
    }

    public async Task RecordFailureAsync(long handOverId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql.Fail, new { id = handOverId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<PendingHandOver>> GetPendingAsync(DateTimeOffset storedBefore, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<HandOverRow>(new CommandDefinition(
            sql.Pending, new { before = dialect.ToDb(storedBefore), limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new PendingHandOver(r.Id, MentionHandOvers.ParseIds(r.MentionIds), SqlDialect.FromDb(r.StoredAt), r.Attempts))];
    }

    private sealed class HandOverRow
    {
        public long Id { get; init; }

        public string MentionIds { get; init; } = "";

        public object StoredAt { get; init; } = 0L;

        public int Attempts { get; init; }
    }
}

/// <summary>The statements SQLite and PostgreSQL share (both have RETURNING and LIMIT).</summary>
internal static class HandOverStatements
{
    public const string InsertSql = "INSERT INTO mention_handovers (mention_ids, stored_at) VALUES (@MentionIds, @StoredAt) RETURNING id";

    public static readonly HandOverSql ReturningAndLimit = new(
        InsertSql,
        "DELETE FROM mention_handovers WHERE id = @id",
        "UPDATE mention_handovers SET attempts = attempts + 1 WHERE id = @id",
        """
        SELECT id AS Id, mention_ids AS MentionIds, stored_at AS StoredAt, attempts AS Attempts FROM mention_handovers
        WHERE stored_at < @before ORDER BY attempts, id LIMIT @limit
        """);
}
