using Dapper;
using SocialWatch.Alerts.Sla;

namespace SocialWatch.Alerts.Storage.Workflow;

/// <summary>The primary key (alert, deadline, level, due) makes "send once" hold across hosts: the second insert is a no-op.</summary>
internal abstract class SqlSlaNoticeLog(SqlDialect dialect, string insertIfAbsentSql) : ISlaNoticeLog
{
    public async Task<bool> TryRecordAsync(long alertId, SlaDeadlineKind deadline, SlaNoticeLevel level, DateTimeOffset dueAt, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            insertIfAbsentSql,
            new { alertId, Deadline = deadline.ToString(), Level = level.ToString(), DueAt = dialect.ToDb(dueAt), At = dialect.ToDb(at) },
            cancellationToken: cancellationToken));
        return inserted == 1;
    }
}
