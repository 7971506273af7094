using Dapper;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Storage.Stores;

/// <summary>
/// The statements one dialect runs for model versions. <c>InsertSql</c> stores nothing when the version exists;
/// <c>LockPromotedSql</c> reads the promoted row and holds it until the transaction ends (SQLite's write transaction
/// already does); <c>UpsertPromotedSql</c> writes the single row with id 1.
/// </summary>
internal sealed record ModelVersionSql(
    string InsertSql,
    string ListSql,
    string ArchiveSql,
    string PromotedSql,
    string LockPromotedSql,
    string FindSql,
    string SetReplacedSql,
    string UpsertPromotedSql,
    string AuditSql);

/// <summary>Model versions and the one promoted version in the database, shared by every host.</summary>
internal sealed class SqlModelVersionStore(SqlDialect dialect, ModelVersionSql sql) : IModelVersionStore
{
    public const string VersionColumns = "version AS Version, created_at AS CreatedAt, created_by AS CreatedBy, metrics_json AS MetricsJson";

    public const string PromotedColumns = "version AS Version, previous AS Previous, promoted_at AS PromotedAt, promoted_by AS PromotedBy";

    public async Task<bool> AddAsync(ModelVersion version, byte[] archive, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var added = await connection.ExecuteAsync(new CommandDefinition(sql.InsertSql, new
        {
            version.Version,
            CreatedAt = dialect.ToDb(version.CreatedAt),
            version.CreatedBy,
            version.MetricsJson,
            Archive = archive,
        }, cancellationToken: cancellationToken));
        return added == 1;
    }

    public async Task<IReadOnlyList<ModelVersion>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<VersionRow>(new CommandDefinition(sql.ListSql, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new ModelVersion
        {
            Version = r.Version,
            CreatedAt = SqlDialect.FromDb(r.CreatedAt),
            CreatedBy = r.CreatedBy,
            MetricsJson = r.MetricsJson,
        })];
    }

    public async Task<byte[]?> GetArchiveAsync(string version, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<byte[]?>(new CommandDefinition(sql.ArchiveSql, new { version }, cancellationToken: cancellationToken));
    }

    public async Task<PromotedModel?> GetPromotedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PromotedRow>(new CommandDefinition(sql.PromotedSql, cancellationToken: cancellationToken));
        return row?.ToPromoted();
    }

    public async Task<PromotedModel> PromoteAsync(string version, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = (await connection.QuerySingleOrDefaultAsync<PromotedRow>(new CommandDefinition(sql.LockPromotedSql, transaction: transaction, cancellationToken: cancellationToken)))?.ToPromoted();
        _ = await connection.QuerySingleOrDefaultAsync<FoundRow>(new CommandDefinition(sql.FindSql, new { version }, transaction, cancellationToken: cancellationToken))
            ?? throw new ModelVersionException($"There is no model version '{version}'.");
        if (current?.Version == version)
        {
            throw new ModelVersionException($"Model version '{version}' is already promoted.");
        }

        var promoted = new PromotedModel(version, current?.Version, at, actor);
        await connection.ExecuteAsync(new CommandDefinition(sql.SetReplacedSql, new { version, replaced = current?.Version }, transaction, cancellationToken: cancellationToken));
        await WritePromotedAsync(connection, transaction, promoted, "promoted", current is null ? "first promoted version" : $"replaces {current.Version}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return promoted;
    }

    public async Task<PromotedModel> RollbackAsync(string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = (await connection.QuerySingleOrDefaultAsync<PromotedRow>(new CommandDefinition(sql.LockPromotedSql, transaction: transaction, cancellationToken: cancellationToken)))?.ToPromoted()
            ?? throw new ModelVersionException("No model version is promoted yet; there is nothing to roll back.");
        if (current.Previous is not { } target)
        {
            throw new ModelVersionException($"Nothing was promoted before {current.Version}; there is nothing to roll back to.");
        }

        // The version gone back to was itself promoted over another: that one is where the next rollback goes.
        var found = await connection.QuerySingleAsync<FoundRow>(new CommandDefinition(sql.FindSql, new { version = target }, transaction, cancellationToken: cancellationToken));
        var restored = new PromotedModel(target, found.Replaced, at, actor);
        await WritePromotedAsync(connection, transaction, restored, "rolled back", $"from {current.Version}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return restored;
    }

    private async Task WritePromotedAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, PromotedModel promoted, string action, string detail, CancellationToken cancellationToken)
    {
        var at = dialect.ToDb(promoted.PromotedAt);
        await connection.ExecuteAsync(new CommandDefinition(sql.UpsertPromotedSql, new
        {
            promoted.Version,
            promoted.Previous,
            At = at,
            Actor = promoted.PromotedBy,
        }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(sql.AuditSql, new
        {
            Actor = promoted.PromotedBy,
            At = at,
            Subject = promoted.Version,
            Action = action,
            Detail = detail,
        }, transaction, cancellationToken: cancellationToken));
    }

    private sealed class VersionRow
    {
        public string Version { get; init; } = "";
        public object CreatedAt { get; init; } = 0L;
        public string CreatedBy { get; init; } = "";
        public string? MetricsJson { get; init; }
    }

    private sealed class PromotedRow
    {
        public string Version { get; init; } = "";
        public string? Previous { get; init; }
        public object PromotedAt { get; init; } = 0L;
        public string PromotedBy { get; init; } = "";

        public PromotedModel ToPromoted() => new(Version, Previous, SqlDialect.FromDb(PromotedAt), PromotedBy);
    }

    private sealed class FoundRow
    {
        public string Version { get; init; } = "";
        public string? Replaced { get; init; }
    }
}
