using System.Data.Common;
using System.Text.Json;
using Dapper;
using SocialWatch.Core.Retention;

namespace SocialWatch.Storage.Stores;

/// <summary>
/// The statements of one dialect for what other tables keep of a set of mentions. Each takes the mention ids as
/// @ids (an array: SQLite expands <c>IN @ids</c>, PostgreSQL reads <c>= ANY(@ids)</c>) and as @idsJson (SQL Server's
/// OPENJSON); Dapper sends only the parameters a statement names.
/// </summary>
/// <param name="CountSql">One row: Snapshots, WatchEntries, Alerts, AlertNotes, Promises, FeedbackLabels, Notifications.</param>
/// <param name="ScrubAlertTitlesSql">Sets the title of the mentions' alerts to @title, keeping the link.</param>
/// <param name="ScrubNotesSql">Sets every note in the history of the mentions' alerts to @note.</param>
/// <param name="ScrubPromisesSql">
/// Sets the text of the promises on the mentions' alerts to @text, and the title of the broken-promise alerts that
/// quote them to @title.
/// </param>
/// <param name="DeleteSnapshotsSql">Deletes the mentions' engagement snapshots.</param>
/// <param name="DeleteLabelsSql">Deletes the feedback labels taken from the mentions (they hold the text).</param>
/// <param name="DeleteNotificationsSql">Deletes the unsent (or given-up) outbox messages of the mentions' alerts.</param>
internal sealed record MentionTraceSql(
    string CountSql,
    string ScrubAlertTitlesSql,
    string ScrubNotesSql,
    string ScrubPromisesSql,
    string DeleteSnapshotsSql,
    string DeleteLabelsSql,
    string DeleteNotificationsSql);

/// <summary>Runs <see cref="MentionTraceSql"/> inside the caller's transaction, for erasure and for source deletes.</summary>
internal static class MentionTraces
{
    // Stays below SQL Server's 2100 parameters per command and SQLite's host-parameter limit.
    public const int MaxIdsPerStatement = 1000;

    public static async Task<AuthorDataCounts> CountAsync(
        DbConnection connection, DbTransaction? transaction, MentionTraceSql sql, long[] ids, CancellationToken cancellationToken)
    {
        if (ids.Length == 0)
        {
            return AuthorDataCounts.None;
        }

        var row = await connection.QuerySingleAsync<CountRow>(new CommandDefinition(
            sql.CountSql, new { ids, idsJson = JsonSerializer.Serialize(ids) }, transaction, cancellationToken: cancellationToken));
        return new AuthorDataCounts(
            ids.Length, (int)row.Snapshots, (int)row.WatchEntries, (int)row.Alerts, (int)row.AlertNotes, (int)row.Promises, (int)row.FeedbackLabels, (int)row.Notifications);
    }

    /// <summary>A deleted post: its alerts keep their link and history but lose the quoted text; what copied the text goes.</summary>
    public static async Task RemoveCopiesAsync(
        DbConnection connection, DbTransaction transaction, MentionTraceSql sql, long[] ids, string title, CancellationToken cancellationToken)
    {
        var idsJson = JsonSerializer.Serialize(ids);
        await connection.ExecuteAsync(new CommandDefinition(sql.DeleteNotificationsSql, new { ids, idsJson }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(sql.ScrubAlertTitlesSql, new { ids, idsJson, title }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(sql.DeleteLabelsSql, new { ids, idsJson }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(sql.DeleteSnapshotsSql, new { ids, idsJson }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>An erased author: also what the agents wrote about them on those alerts.</summary>
    public static async Task RemoveAgentTextAsync(
        DbConnection connection, DbTransaction transaction, MentionTraceSql sql, long[] ids, string text, CancellationToken cancellationToken)
    {
        var idsJson = JsonSerializer.Serialize(ids);
        await connection.ExecuteAsync(new CommandDefinition(sql.ScrubNotesSql, new { ids, idsJson, note = text }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(sql.ScrubPromisesSql, new { ids, idsJson, text, title = "Promise not kept: " + text }, transaction, cancellationToken: cancellationToken));
    }

    private sealed class CountRow
    {
        public long Snapshots { get; set; }
        public long WatchEntries { get; set; }
        public long Alerts { get; set; }
        public long AlertNotes { get; set; }
        public long Promises { get; set; }
        public long FeedbackLabels { get; set; }
        public long Notifications { get; set; }
    }
}
