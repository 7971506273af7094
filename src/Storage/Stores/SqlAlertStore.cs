using System.Text.Json;
using Dapper;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Storage;

namespace SocialWatch.Storage.Stores;

/// <summary>
/// The statements one dialect runs for alerts. <c>InsertAlertSql</c> returns the new id, or no row when the mention
/// already has an alert; <c>LockVersionSql</c> selects State and Version of @id and holds the row (or the database)
/// until the transaction ends; <c>ApplyChangeSql</c> updates only when @ExpectedVersion is still the version.
/// <c>GetOpenSql</c> takes @Teams (an array) or @TeamsJson (a JSON array, null for every team).
/// </summary>
internal sealed record AlertSql
{
    public required string InsertAlertSql { get; init; }

    public required string InsertAuditSql { get; init; }

    public required string GetAlertSql { get; init; }

    public required string GetOpenSql { get; init; }

    public required string LockVersionSql { get; init; }

    public required string ApplyChangeSql { get; init; }

    public required string GetAuditSql { get; init; }
}

/// <summary>Alerts and their audit trail: a change and its audit row commit together, or neither does.</summary>
internal sealed class SqlAlertStore(SqlDialect dialect, AlertSql sql) : IAlertStore
{
    /// <summary>The columns of an alert, named for <see cref="SqlAlertRow"/>.</summary>
    public const string Columns = """
        id AS Id, kind AS Kind, mention_id AS MentionId, brand AS Brand, team AS Team, priority AS Priority, state AS State,
        title AS Title, reasons AS Reasons, assigned_to AS AssignedTo, created_at AS CreatedAt, updated_at AS UpdatedAt,
        first_response_due_at AS FirstResponseDueAt, resolve_due_at AS ResolveDueAt, first_responded_at AS FirstRespondedAt,
        resolved_at AS ResolvedAt, dismiss_reason AS DismissReason, version AS Version, sla_policy AS SlaPolicy
        """;

    public async Task<Alert> CreateAsync(NewAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql.InsertAlertSql, new
        {
            Kind = alert.Kind.ToString(),
            alert.MentionId,
            alert.Brand,
            alert.Team,
            Priority = (short)alert.Priority,
            State = nameof(AlertState.New),
            alert.Title,
            Reasons = StorageJson.SerializeReasons(alert.Reasons),
            CreatedAt = dialect.ToDb(alert.CreatedAt),
            FirstResponseDueAt = dialect.ToDb(alert.FirstResponseDueAt),
            ResolveDueAt = dialect.ToDb(alert.ResolveDueAt),
            alert.SlaPolicy,
            MentionKey = alert.Kind == AlertKind.Mention ? alert.MentionId : null,
        }, transaction, cancellationToken: cancellationToken))
            ?? throw new AlertExistsException(alert.MentionId ?? 0);
        await connection.ExecuteAsync(new CommandDefinition(sql.InsertAuditSql, new
        {
            AlertId = id,
            alert.Actor,
            At = dialect.ToDb(alert.CreatedAt),
            FromState = (string?)null,
            ToState = nameof(AlertState.New),
            Note = (string?)null,
            MentionId = (long?)null,
            AuditPriority = (short)alert.Priority,
        }, transaction, cancellationToken: cancellationToken));
        var created = await connection.QuerySingleAsync<SqlAlertRow>(
            new CommandDefinition(sql.GetAlertSql, new { id }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return created.ToAlert();
    }

    public async Task<Alert?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SqlAlertRow>(
            new CommandDefinition(sql.GetAlertSql, new { id }, cancellationToken: cancellationToken));
        return row?.ToAlert();
    }

    public async Task<IReadOnlyList<Alert>> GetOpenAsync(OpenAlertQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SqlAlertRow>(new CommandDefinition(sql.GetOpenSql, new
        {
            Teams = query.Teams.ToArray(),
            TeamsJson = query.Teams.Count == 0 ? null : JsonSerializer.Serialize(query.Teams),
            query.Brand,
            MinPriority = (short?)query.MinPriority,
            State = query.State?.ToString(),
            Limit = Math.Max(0, query.Limit),
        }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToAlert())];
    }

    public async Task<Alert> ApplyAsync(AlertChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await connection.QuerySingleOrDefaultAsync<VersionRow>(
            new CommandDefinition(sql.LockVersionSql, new { id = change.AlertId }, transaction, cancellationToken: cancellationToken))
            ?? throw new KeyNotFoundException($"Alert {change.AlertId} does not exist.");
        if (current.Version != change.ExpectedVersion)
        {
            throw new ConcurrencyConflictException(change.AlertId, change.ExpectedVersion);
        }

        var from = Enum.Parse<AlertState>(current.State);
        var to = change.State ?? from;
        var updated = await connection.ExecuteAsync(new CommandDefinition(sql.ApplyChangeSql, new
        {
            change.AlertId,
            change.ExpectedVersion,
            State = to.ToString(),
            IsOpen = AlertStates.IsOpen(to),
            Priority = (short?)change.Priority,
            change.Unassign,
            change.AssignedTo,
            FirstResponseDueAt = dialect.ToDb(change.FirstResponseDueAt),
            ResolveDueAt = dialect.ToDb(change.ResolveDueAt),
            FirstRespondedAt = dialect.ToDb(change.FirstRespondedAt),
            ResolvedAt = dialect.ToDb(change.ResolvedAt),
            change.DismissReason,
            Reasons = change.Reasons is { } reasons ? StorageJson.SerializeReasons(reasons) : null,
            At = dialect.ToDb(change.At),
        }, transaction, cancellationToken: cancellationToken));
        if (updated == 0)
        {
            throw new ConcurrencyConflictException(change.AlertId, change.ExpectedVersion);
        }

        await connection.ExecuteAsync(new CommandDefinition(sql.InsertAuditSql, new
        {
            change.AlertId,
            change.Actor,
            At = dialect.ToDb(change.At),
            FromState = from.ToString(),
            ToState = to.ToString(),
            change.Note,
            change.MentionId,
            AuditPriority = (short?)change.Priority,
        }, transaction, cancellationToken: cancellationToken));
        var row = await connection.QuerySingleAsync<SqlAlertRow>(
            new CommandDefinition(sql.GetAlertSql, new { id = change.AlertId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return row.ToAlert();
    }

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(long alertId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditEntryRow>(
            new CommandDefinition(sql.GetAuditSql, new { alertId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AuditEntry(
            r.Id,
            r.AlertId,
            r.Actor,
            SqlDialect.FromDb(r.At),
            r.FromState is null ? null : Enum.Parse<AlertState>(r.FromState),
            Enum.Parse<AlertState>(r.ToState),
            r.Note))];
    }

    private sealed class VersionRow
    {
        public string State { get; set; } = "";
        public int Version { get; set; }
    }

    private sealed class AuditEntryRow
    {
        public long Id { get; set; }
        public long AlertId { get; set; }
        public string Actor { get; set; } = "";
        public object At { get; set; } = 0L;
        public string? FromState { get; set; }
        public string ToState { get; set; } = "";
        public string? Note { get; set; }
    }
}

/// <summary>An alert as every dialect reads it (<see cref="SqlAlertStore.Columns"/>); times in whatever type the provider hands back.</summary>
internal sealed class SqlAlertRow
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public long? MentionId { get; set; }
    public string Brand { get; set; } = "";
    public string Team { get; set; } = "";
    public int Priority { get; set; }
    public string State { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Reasons { get; set; }
    public string? AssignedTo { get; set; }
    public object CreatedAt { get; set; } = 0L;
    public object UpdatedAt { get; set; } = 0L;
    public object? FirstResponseDueAt { get; set; }
    public object? ResolveDueAt { get; set; }
    public object? FirstRespondedAt { get; set; }
    public object? ResolvedAt { get; set; }
    public string? DismissReason { get; set; }
    public int Version { get; set; }
    public string? SlaPolicy { get; set; }

    public Alert ToAlert() => new()
    {
        Id = Id,
        Kind = Enum.Parse<AlertKind>(Kind),
        MentionId = MentionId,
        Brand = Brand,
        Team = Team,
        Priority = (AlertPriority)Priority,
        State = Enum.Parse<AlertState>(State),
        Title = Title,
        Reasons = StorageJson.DeserializeReasons(Reasons),
        AssignedTo = AssignedTo,
        CreatedAt = SqlDialect.FromDb(CreatedAt),
        UpdatedAt = SqlDialect.FromDb(UpdatedAt),
        FirstResponseDueAt = SqlDialect.FromDbNullable(FirstResponseDueAt),
        ResolveDueAt = SqlDialect.FromDbNullable(ResolveDueAt),
        FirstRespondedAt = SqlDialect.FromDbNullable(FirstRespondedAt),
        ResolvedAt = SqlDialect.FromDbNullable(ResolvedAt),
        DismissReason = DismissReason,
        Version = Version,
        SlaPolicy = SlaPolicy,
    };
}
