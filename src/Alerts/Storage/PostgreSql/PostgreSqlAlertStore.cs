using Dapper;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Storage.PostgreSql;

internal sealed class PostgreSqlAlertStore(PostgreSqlConnectionFactory connections) : IAlertStore
{
    private const string AlertColumns = """
        id AS Id, kind AS Kind, mention_id AS MentionId, brand AS Brand, team AS Team, priority AS Priority, state AS State,
        title AS Title, reasons AS Reasons, assigned_to AS AssignedTo, created_at AS CreatedAt, updated_at AS UpdatedAt,
        first_response_due_at AS FirstResponseDueAt, resolve_due_at AS ResolveDueAt, first_responded_at AS FirstRespondedAt,
        resolved_at AS ResolvedAt, dismiss_reason AS DismissReason, version AS Version, sla_policy AS SlaPolicy
        """;

    // The mention's escalation is copied onto the alert for the top-risks index (ix_alerts_open_escalation); the watch
    // list's refreshes keep it in step with the mention's new score. mention_key (unique) holds one alert per mention
    // whichever host races for it: the second insert does nothing and is reported as AlertExistsException.
    private const string InsertAlertSql = $"""
        INSERT INTO alerts (kind, mention_id, brand, team, priority, state, is_open, title, reasons, assigned_to,
            created_at, updated_at, first_response_due_at, resolve_due_at, version, escalation_score, sla_policy, mention_key)
        VALUES (@Kind, @MentionId, @Brand, @Team, @Priority, @State, true, @Title, @Reasons, NULL,
            @CreatedAt, @CreatedAt, @FirstResponseDueAt, @ResolveDueAt, 1,
            (SELECT m.escalation_score FROM mentions m WHERE m.id = @MentionId), @SlaPolicy, @MentionKey)
        ON CONFLICT (mention_key) DO NOTHING
        RETURNING {AlertColumns}
        """;

    private const string InsertAuditSql = """
        INSERT INTO alert_audit (alert_id, actor, at, from_state, to_state, note, mention_id, priority)
        VALUES (@AlertId, @Actor, @At, @FromState, @ToState, @Note, @MentionId, @AuditPriority)
        """;

    public async Task<Alert> CreateAsync(NewAlert alert, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var created = await connection.QuerySingleOrDefaultAsync<AlertRow<DateTime>>(new CommandDefinition(InsertAlertSql, new
        {
            Kind = alert.Kind.ToString(),
            alert.MentionId,
            alert.Brand,
            alert.Team,
            Priority = (short)alert.Priority,
            State = nameof(AlertState.New),
            alert.Title,
            Reasons = StorageJson.SerializeReasons(alert.Reasons),
            CreatedAt = PostgreSqlTime.ToDb(alert.CreatedAt),
            FirstResponseDueAt = PostgreSqlTime.ToDb(alert.FirstResponseDueAt),
            ResolveDueAt = PostgreSqlTime.ToDb(alert.ResolveDueAt),
            alert.SlaPolicy,
            MentionKey = alert.Kind == AlertKind.Mention ? alert.MentionId : null,
        }, transaction, cancellationToken: cancellationToken))
            ?? throw new AlertExistsException(alert.MentionId ?? 0);
        await connection.ExecuteAsync(new CommandDefinition(InsertAuditSql, new
        {
            AlertId = created.Id,
            alert.Actor,
            At = PostgreSqlTime.ToDb(alert.CreatedAt),
            FromState = (string?)null,
            ToState = nameof(AlertState.New),
            Note = (string?)null,
            MentionId = (long?)null,
            AuditPriority = (short)alert.Priority,
        }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return created.ToAlert(PostgreSqlTime.FromDb);
    }

    private const string GetAlertSql = $"SELECT {AlertColumns} FROM alerts WHERE id = @id";

    public async Task<Alert?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AlertRow<DateTime>>(
            new CommandDefinition(GetAlertSql, new { id }, cancellationToken: cancellationToken));
        return row?.ToAlert(PostgreSqlTime.FromDb);
    }

    private const string GetOpenSql = $"""
        SELECT {AlertColumns} FROM alerts
        WHERE is_open
          AND (cardinality(@Teams::text[]) = 0 OR team = ANY(@Teams::text[]))
          AND (@Brand::text IS NULL OR brand = @Brand::text)
          AND (@MinPriority::smallint IS NULL OR priority >= @MinPriority::smallint)
          AND (@State::text IS NULL OR state = @State::text)
        ORDER BY priority DESC, first_response_due_at ASC NULLS LAST, created_at, id
        LIMIT @Limit
        """;

    public async Task<IReadOnlyList<Alert>> GetOpenAsync(OpenAlertQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlertRow<DateTime>>(new CommandDefinition(GetOpenSql, new
        {
            Teams = query.Teams.ToArray(),
            query.Brand,
            MinPriority = (short?)query.MinPriority,
            State = query.State?.ToString(),
            Limit = Math.Max(0, query.Limit),
        }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToAlert(PostgreSqlTime.FromDb)).ToList();
    }

    // FOR UPDATE: a concurrent change waits here and then sees the new version.
    private const string LockVersionSql = "SELECT state AS State, version AS Version FROM alerts WHERE id = @id FOR UPDATE";

    private const string ApplyChangeSql = $"""
        UPDATE alerts SET
            state = @State,
            is_open = @IsOpen,
            priority = COALESCE(@Priority::smallint, priority),
            assigned_to = CASE WHEN @Unassign THEN NULL ELSE COALESCE(@AssignedTo::text, assigned_to) END,
            first_response_due_at = COALESCE(@FirstResponseDueAt::timestamptz, first_response_due_at),
            resolve_due_at = COALESCE(@ResolveDueAt::timestamptz, resolve_due_at),
            first_responded_at = COALESCE(@FirstRespondedAt::timestamptz, first_responded_at),
            resolved_at = COALESCE(@ResolvedAt::timestamptz, resolved_at),
            dismiss_reason = COALESCE(@DismissReason::text, dismiss_reason),
            reasons = COALESCE(@Reasons::text, reasons),
            updated_at = @At,
            version = version + 1
        WHERE id = @AlertId AND version = @ExpectedVersion
        RETURNING {AlertColumns}
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
        var row = await connection.QuerySingleOrDefaultAsync<AlertRow<DateTime>>(new CommandDefinition(ApplyChangeSql, new
        {
            change.AlertId,
            change.ExpectedVersion,
            State = to.ToString(),
            IsOpen = AlertStates.IsOpen(to),
            Priority = (short?)change.Priority,
            change.Unassign,
            change.AssignedTo,
            FirstResponseDueAt = PostgreSqlTime.ToDb(change.FirstResponseDueAt),
            ResolveDueAt = PostgreSqlTime.ToDb(change.ResolveDueAt),
            FirstRespondedAt = PostgreSqlTime.ToDb(change.FirstRespondedAt),
            ResolvedAt = PostgreSqlTime.ToDb(change.ResolvedAt),
            change.DismissReason,
            Reasons = change.Reasons is { } reasons ? StorageJson.SerializeReasons(reasons) : null,
            At = PostgreSqlTime.ToDb(change.At),
        }, transaction, cancellationToken: cancellationToken))
            ?? throw new ConcurrencyConflictException(change.AlertId, change.ExpectedVersion);

        await connection.ExecuteAsync(new CommandDefinition(InsertAuditSql, new
        {
            change.AlertId,
            change.Actor,
            At = PostgreSqlTime.ToDb(change.At),
            FromState = from.ToString(),
            ToState = to.ToString(),
            change.Note,
            change.MentionId,
            AuditPriority = (short?)change.Priority,
        }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return row.ToAlert(PostgreSqlTime.FromDb);
    }

    private const string GetAuditSql = """
        SELECT id AS Id, alert_id AS AlertId, actor AS Actor, at AS At, from_state AS FromState, to_state AS ToState, note AS Note
        FROM alert_audit WHERE alert_id = @alertId ORDER BY id
        """;

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(long alertId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRow<DateTime>>(
            new CommandDefinition(GetAuditSql, new { alertId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry(PostgreSqlTime.FromDb)).ToList();
    }
}
