using Dapper;
using SocialWatch.Core.Retention;

namespace SocialWatch.Storage.Stores;

/// <param name="FindAuthorIds">The author ids of @source whose id is @author or whose handle is @handle, without case.</param>
internal sealed record RetentionSql(
    string SelectExpired, string SelectByAuthor, string ScrubAlerts, string DeleteLabels, string DeleteMentions, string FindAuthorIds);

/// <summary>
/// Deletes mentions in batches: picks the ids first, then, in one transaction, strips the quoted text from their
/// alerts, deletes their feedback labels and deletes the mentions (snapshots, watch-list entries and SQLite's author
/// index go with them, by cascade and trigger). An erasure also removes the agents' notes and promises on those alerts
/// and the notifications not yet sent (<see cref="MentionTraces"/>).
/// The ids travel as an array (PostgreSQL reads it with = ANY(@ids), SQLite expands IN @ids) or, for SQL Server, as a
/// JSON array read with OPENJSON (@idsJson); Dapper sends only the parameters a statement names.
/// </summary>
internal sealed class SqlRetentionStore(SqlDialect dialect, RetentionSql sql, MentionTraceSql traces) : IRetentionStore
{
    // Stays below SQL Server's 2100 parameters per command, since the ids travel as a parameter list.
    internal const int MaxIdsPerStatement = MentionTraces.MaxIdsPerStatement;

    public const string PurgedTitle = "[text removed: retention period over]";
    public const string ErasedTitle = "[text removed at the author's request]";
    public const string ErasedNote = "[removed at the author's request]";

    public async Task<int> PurgeMentionsAsync(string brand, DateTimeOffset createdBefore, int batchSize, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(batchSize, 1, MaxIdsPerStatement);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(
            sql.SelectExpired, new { brand, Cutoff = dialect.ToDb(createdBefore), Limit = limit }, cancellationToken: cancellationToken))).ToArray();
        return await DeleteAsync(connection, ids, PurgedTitle, erasure: false, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> FindAuthorIdsAsync(string source, string author, CancellationToken cancellationToken)
    {
        var handle = author.StartsWith('@') ? author[1..] : author;
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(sql.FindAuthorIds, new { source, author, handle }, cancellationToken: cancellationToken))];
    }

    public async Task<AuthorDataCounts> CountAuthorDataAsync(string source, string authorId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var counts = AuthorDataCounts.None;
        foreach (var chunk in (await SelectByAuthorAsync(connection, source, authorId, cancellationToken)).Chunk(MaxIdsPerStatement))
        {
            counts = counts.Add(await MentionTraces.CountAsync(connection, null, traces, chunk, cancellationToken));
        }

        return counts;
    }

    public async Task<AuthorDataCounts> EraseAuthorAsync(string source, string authorId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var counts = AuthorDataCounts.None;
        foreach (var chunk in (await SelectByAuthorAsync(connection, source, authorId, cancellationToken)).Chunk(MaxIdsPerStatement))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var found = await MentionTraces.CountAsync(connection, transaction, traces, chunk, cancellationToken);
            var deleted = await DeleteAsync(connection, transaction, chunk, ErasedTitle, erasure: true, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            counts = counts.Add(found with { Mentions = deleted });
        }

        return counts;
    }

    private async Task<long[]> SelectByAuthorAsync(System.Data.Common.DbConnection connection, string source, string authorId, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<long>(new CommandDefinition(sql.SelectByAuthor, new { source, authorId }, cancellationToken: cancellationToken))];

    private async Task<int> DeleteAsync(System.Data.Common.DbConnection connection, long[] ids, string title, bool erasure, CancellationToken cancellationToken)
    {
        if (ids.Length == 0)
        {
            return 0;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var deleted = await DeleteAsync(connection, transaction, ids, title, erasure, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private async Task<int> DeleteAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, long[] ids, string title, bool erasure, CancellationToken cancellationToken)
    {
        var idsJson = System.Text.Json.JsonSerializer.Serialize(ids);
        if (erasure)
        {
            // While the alerts still name the mentions: what the agents wrote about the author, and what was to be sent.
            await MentionTraces.RemoveAgentTextAsync(connection, transaction, traces, ids, ErasedNote, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(traces.DeleteNotificationsSql, new { ids, idsJson }, transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(sql.ScrubAlerts, new { ids, idsJson, title }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(sql.DeleteLabels, new { ids, idsJson }, transaction, cancellationToken: cancellationToken));
        return await connection.ExecuteAsync(new CommandDefinition(sql.DeleteMentions, new { ids, idsJson }, transaction, cancellationToken: cancellationToken));
    }
}
