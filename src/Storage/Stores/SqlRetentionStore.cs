using Dapper;
using SocialWatch.Core.Retention;

namespace SocialWatch.Storage.Stores;

internal sealed record RetentionSql(string SelectExpired, string SelectByAuthor, string ScrubAlerts, string DeleteLabels, string DeleteMentions);

/// <summary>
/// Deletes mentions in batches: picks the ids first, then, in one transaction, strips the quoted text from their
/// alerts, deletes their feedback labels and deletes the mentions (snapshots go with them by cascade).
/// The ids travel as an array (PostgreSQL reads it with = ANY(@ids), SQLite expands IN @ids) or, for SQL Server, as a
/// JSON array read with OPENJSON (@idsJson); Dapper sends only the parameters a statement names.
/// </summary>
internal sealed class SqlRetentionStore(SqlDialect dialect, RetentionSql sql) : IRetentionStore
{
    // Stays below SQL Server's 2100 parameters per command, since the ids travel as a parameter list.
    internal const int MaxIdsPerStatement = 1000;

    public const string PurgedTitle = "[text removed: retention period over]";
    public const string ErasedTitle = "[text removed at the author's request]";

    public async Task<int> PurgeMentionsAsync(string brand, DateTimeOffset createdBefore, int batchSize, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(batchSize, 1, MaxIdsPerStatement);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(
            sql.SelectExpired, new { brand, Cutoff = dialect.ToDb(createdBefore), Limit = limit }, cancellationToken: cancellationToken))).ToArray();
        return await DeleteAsync(connection, ids, PurgedTitle, cancellationToken);
    }

    public async Task<int> EraseAuthorAsync(string source, string authorId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(sql.SelectByAuthor, new { source, authorId }, cancellationToken: cancellationToken))).ToArray();
        var deleted = 0;
        foreach (var chunk in ids.Chunk(MaxIdsPerStatement))
        {
            deleted += await DeleteAsync(connection, chunk, ErasedTitle, cancellationToken);
        }

        return deleted;
    }

    private async Task<int> DeleteAsync(System.Data.Common.DbConnection connection, long[] ids, string title, CancellationToken cancellationToken)
    {
        if (ids.Length == 0)
        {
            return 0;
        }

        var idsJson = System.Text.Json.JsonSerializer.Serialize(ids);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql.ScrubAlerts, new { ids, idsJson, title }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(sql.DeleteLabels, new { ids, idsJson }, transaction, cancellationToken: cancellationToken));
        var deleted = await connection.ExecuteAsync(new CommandDefinition(sql.DeleteMentions, new { ids, idsJson }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}
