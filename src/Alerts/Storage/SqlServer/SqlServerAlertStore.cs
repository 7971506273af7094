using System.Text.Json;
using Dapper;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Storage.SqlServer;

internal sealed class SqlServerAlertStore(SqlServerConnectionFactory connections) : IAlertStore
{
    private const string AlertColumns = """
        id AS Id, kind AS Kind, mention_id AS MentionId, brand AS Brand, team AS Team, priority AS Priority, state AS State,
        title AS Title, reasons AS Reasons, assigned_to AS AssignedTo, created_at AS CreatedAt, updated_at AS UpdatedAt,
        first_response_due_at AS FirstResponseDueAt, resolve_due_at AS ResolveDueAt, first_responded_at AS FirstRespondedAt,
        resolved_at AS ResolvedAt, dismiss_reason AS DismissReason, version AS Version, sla_policy AS SlaPolicy
        """;

    // The mention's escalation is copied onto the alert for the top-risks index (ix_alerts_open_escalation); the watch
    // list's refreshes keep it in step with the mention's new score. mention_key (unique) holds one alert per mention
    // whichever host races for it: the second insert does nothing and is reported as AlertExistsException. INSERT ... SELECT: T-SQL allows no subquery in a VALUES list.
    private const string InsertAlertSql = """
        INSERT INTO dbo.alerts (kind, mention_id, brand, team, priority, state, is_open, title, reasons, assigned_to,
            created_at, updated_at, first_response_due_at, resolve_due_at, version, escalation_score, sla_policy, mention_key)
        OUTPUT inserted.id
        SELECT @Kind, @MentionId, @Brand, @Team, @Priority, @State, 1, @Title, @Reasons, NULL,
            @CreatedAt, @CreatedAt, @FirstResponseDueAt, @ResolveDueAt, 1,
            (SELECT m.escalation_score FROM dbo.mentions m WHERE m.id = @MentionId), @SlaPolicy, @MentionKey
        WHERE @MentionKey IS NULL OR NOT EXISTS (SELECT 1 FROM dbo.alerts WITH (UPDLOCK, HOLDLOCK) WHERE mention_key = @MentionKey);
        """;

    private const string InsertAuditSql = """
        INSERT INTO dbo.alert_audit (alert_id, actor, at, from_state, to_state, note, mention_id, priority)
        VALUES (@AlertId, @Actor, @At, @FromState, @ToState, @Note, @MentionId, @AuditPriority);
        """;

    public async Task<Alert> CreateAsync(NewAlert alert, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(InsertAlertSql, new
        {
            Kind = alert.Kind.ToString(),
            alert.MentionId,
            alert.Brand,
            alert.Team,
            Priority = (int)alert.Priority,
            State = nameof(AlertState.New),
            alert.Title,
            Reasons = StorageJson.SerializeReasons(alert.Reasons),
            CreatedAt = SqlServerTime.ToDb(alert.CreatedAt),
            FirstResponseDueAt = SqlServerTime.ToDb(alert.FirstResponseDueAt),
            ResolveDueAt = SqlServerTime.ToDb(alert.ResolveDueAt),
            alert.SlaPolicy,
            MentionKey = alert.Kind == AlertKind.Mention ? alert.MentionId : null,
        }, transaction, cancellationToken: cancellationToken))
            ?? throw new AlertExistsException(alert.MentionId ?? 0);
        await connection.ExecuteAsync(new CommandDefinition(InsertAuditSql, new
        {
            AlertId = id,
            alert.Actor,
            At = SqlServerTime.ToDb(alert.CreatedAt),
            FromState = (string?)null,
            ToState = nameof(AlertState.New),
            Note = (string?)null,
            MentionId = (long?)null,
            AuditPriority = (short)alert.Priority,
        }, transaction, cancellationToken: cancellationToken));
        var created = await connection.QuerySingleAsync<AlertRow<DateTimeOffset>>(
            new CommandDefinition(GetAlertSql, new { id }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return created.ToAlert(SqlServerTime.FromDb);
    }

    private const string GetAlertSql = $"SELECT {AlertColumns} FROM dbo.alerts WHERE id = @id;";

    public async Task<Alert?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AlertRow<DateTimeOffset>>(
            new CommandDefinition(GetAlertSql, new { id }, cancellationToken: cancellationToken));
        return row?.ToAlert(SqlServerTime.FromDb);
    }

    private const string GetOpenSql = $"""
        SELECT TOP (@Limit) {AlertColumns} FROM dbo.alerts
        WHERE is_open = 1
          AND (@Teams IS NULL OR team IN (SELECT [value] FROM OPENJSON(@Teams)))
          AND (@Brand IS NULL OR brand = @Brand)
          AND (@MinPriority IS NULL OR priority >= @MinPriority)
          AND (@State IS NULL OR state = @State)
        ORDER BY priority DESC, CASE WHEN first_response_due_at IS NULL THEN 1 ELSE 0 END, first_response_due_at, created_at, id
        OPTION (RECOMPILE);
        """;

    public async Task<IReadOnlyList<Alert>> GetOpenAsync(OpenAlertQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlertRow<DateTimeOffset>>(new CommandDefinition(GetOpenSql, new
        {
            Teams = query.Teams.Count == 0 ? null : JsonSerializer.Serialize(query.Teams),
            query.Brand,
            MinPriority = (int?)query.MinPriority,
            State = query.State?.ToString(),
            Limit = Math.Max(0, query.Limit),
        }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToAlert(SqlServerTime.FromDb)).ToList();
    }

    // UPDLOCK: a concurrent change waits here until this transaction ends, then sees the new version.
    private const string LockVersionSql = "SELECT state AS State, version AS Version FROM dbo.alerts WITH (UPDLOCK, ROWLOCK) WHERE id = @id;";

    private const string ApplyChangeSql = """
        UPDATE dbo.alerts SET
            state = @State,
            is_open = @IsOpen,
            priority = COALESCE(@Priority, priority),
            assigned_to = CASE WHEN @Unassign = 1 THEN NULL ELSE COALESCE(@AssignedTo, assigned_to) END,
            first_response_due_at = COALESCE(@FirstResponseDueAt, first_response_due_at),
            resolve_due_at = COALESCE(@ResolveDueAt, resolve_due_at),
            first_responded_at = COALESCE(@FirstRespondedAt, first_responded_at),
            resolved_at = COALESCE(@ResolvedAt, resolved_at),
            dismiss_reason = COALESCE(@DismissReason, dismiss_reason),
            reasons = COALESCE(@Reasons, reasons),
            updated_at = @At,
            version = version + 1
        WHERE id = @AlertId AND version = @ExpectedVersion;
        """;

    public async Task<Alert> ApplyAsync(AlertChange change, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await connection.QuerySingleOrDefaultAsync<AlertVersionRow>(
            new CommandDefinition(LockVersionSql, new { id = change.AlertId }, transaction, cancellationToken: cancellationToken))
            ?? throw new KeyNotFoundException($"Alert {change.AlertId} does not exist.");
        if (current.Version != change.ExpectedVersion)
        {
            throw new ConcurrencyConflictException(change.AlertId, change.ExpectedVersion);
        }

        var from = Enum.Parse<AlertState>(current.State);
        var to = change.State ?? from;
        var updated = await connection.ExecuteAsync(new CommandDefinition(ApplyChangeSql, new
        {
            change.AlertId,
            change.ExpectedVersion,
            State = to.ToString(),
            IsOpen = AlertStates.IsOpen(to),
            Priority = (int?)change.Priority,
            change.Unassign,
            change.AssignedTo,
            FirstResponseDueAt = SqlServerTime.ToDb(change.FirstResponseDueAt),
            ResolveDueAt = SqlServerTime.ToDb(change.ResolveDueAt),
            FirstRespondedAt = SqlServerTime.ToDb(change.FirstRespondedAt),
            ResolvedAt = SqlServerTime.ToDb(change.ResolvedAt),
            change.DismissReason,
            Reasons = change.Reasons is { } reasons ? StorageJson.SerializeReasons(reasons) : null,
            At = SqlServerTime.ToDb(change.At),
        }, transaction, cancellationToken: cancellationToken));
        if (updated == 0)
        {
            throw new ConcurrencyConflictException(change.AlertId, change.ExpectedVersion);
        }

        await connection.ExecuteAsync(new CommandDefinition(InsertAuditSql, new
        {
            change.AlertId,
            change.Actor,
            At = SqlServerTime.ToDb(change.At),
            FromState = from.ToString(),
            ToState = to.ToString(),
            change.Note,
            change.MentionId,
            AuditPriority = (short?)change.Priority,
        }, transaction, cancellationToken: cancellationToken));
        var row = await connection.QuerySingleAsync<AlertRow<DateTimeOffset>>(
            new CommandDefinition(GetAlertSql, new { id = change.AlertId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return row.ToAlert(SqlServerTime.FromDb);
    }

    private const string GetAuditSql = """
        SELECT id AS Id, alert_id AS AlertId, actor AS Actor, at AS At, from_state AS FromState, to_state AS ToState, note AS Note
        FROM dbo.alert_audit WHERE alert_id = @alertId ORDER BY id;
        """;

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(long alertId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRow<DateTimeOffset>>(
            new CommandDefinition(GetAuditSql, new { alertId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry(SqlServerTime.FromDb)).ToList();
    }
}
