using System.Data.Common;
using System.Globalization;
using Dapper;
using SocialWatch.Core.Brands;

namespace SocialWatch.Storage.Stores;

/// <summary>
/// The statements one dialect runs for stored brands; its SqlDialect reports a duplicate name. Every statement that names
/// a brand compares names the way the dialect's unique constraint does (regardless of case).
/// </summary>
internal sealed record BrandSql(string List, string Get, string Insert, string Update, string Delete, string Audit);

/// <summary>
/// Brands with their per-source lists in one JSON column, the retention and the version in columns. Updates and deletes
/// name the version they were based on; a change and its admin audit entry commit together.
/// </summary>
internal sealed class SqlBrandStore(SqlDialect dialect, TimeProvider time, BrandSql sql) : IBrandStore
{
    public const string Columns = """
        name AS Name, queries AS Queries, retention_seconds AS RetentionSeconds, version AS Version,
        created_by AS CreatedBy, created_at AS CreatedAt, updated_by AS UpdatedBy, updated_at AS UpdatedAt
        """;

    public async Task<IReadOnlyList<StoredBrand>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<BrandRow>(new CommandDefinition(sql.List, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToStored())];
    }

    public async Task<StoredBrand> CreateAsync(Brand brand, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brand);
        ArgumentException.ThrowIfNullOrWhiteSpace(brand.Name);
        var now = dialect.ToDb(time.GetUtcNow());
        var queries = WorkflowJson.Serialize(BrandQueries.From(brand));
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(sql.Insert, new
            {
                brand.Name,
                Queries = queries,
                RetentionSeconds = RetentionSeconds(brand.Retention),
                Actor = actor,
                At = now,
            }, transaction, cancellationToken: cancellationToken));
        }
        catch (Exception e) when (dialect.IsDuplicateKey(e))
        {
            throw new BrandNameTakenException(brand.Name);
        }

        await AuditAsync(connection, transaction, actor, now, brand.Name, "created", Detail(1, queries, brand.Retention), cancellationToken);
        var stored = await GetAsync(connection, transaction, brand.Name, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored!;
    }

    public async Task<StoredBrand> UpdateAsync(Brand brand, long expectedVersion, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brand);
        var now = dialect.ToDb(time.GetUtcNow());
        var queries = WorkflowJson.Serialize(BrandQueries.From(brand));
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(sql.Update, new
        {
            brand.Name,
            Queries = queries,
            RetentionSeconds = RetentionSeconds(brand.Retention),
            ExpectedVersion = expectedVersion,
            Actor = actor,
            At = now,
        }, transaction, cancellationToken: cancellationToken));
        var current = await GetAsync(connection, transaction, brand.Name, cancellationToken);
        if (updated == 0)
        {
            throw current is null ? new BrandNotFoundException(brand.Name) : new BrandVersionConflictException(current.Brand.Name, expectedVersion, current.Version);
        }

        await AuditAsync(connection, transaction, actor, now, current!.Brand.Name, "updated", Detail(current.Version, queries, brand.Retention), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return current;
    }

    public async Task DeleteAsync(string name, long expectedVersion, string actor, CancellationToken cancellationToken)
    {
        var now = dialect.ToDb(time.GetUtcNow());
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await GetAsync(connection, transaction, name, cancellationToken) ?? throw new BrandNotFoundException(name);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(sql.Delete, new { Name = name, ExpectedVersion = expectedVersion }, transaction, cancellationToken: cancellationToken));
        if (deleted == 0)
        {
            throw new BrandVersionConflictException(current.Brand.Name, expectedVersion, current.Version);
        }

        await AuditAsync(connection, transaction, actor, now, current.Brand.Name, "deleted", $"version {expectedVersion.ToString(CultureInfo.InvariantCulture)}; stored mentions kept", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<StoredBrand?> GetAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<BrandRow>(new CommandDefinition(sql.Get, new { Name = name }, transaction, cancellationToken: cancellationToken));
        return row?.ToStored();
    }

    private Task AuditAsync(DbConnection connection, DbTransaction transaction, string actor, object at, string subject, string action, string detail, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            sql.Audit,
            new { Actor = actor, At = at, Subject = subject, Action = action, Detail = detail },
            transaction,
            cancellationToken: cancellationToken));

    private static string Detail(long version, string queries, TimeSpan? retention) =>
        $"version {version.ToString(CultureInfo.InvariantCulture)}, retention {(retention is { } r ? r.ToString("c", CultureInfo.InvariantCulture) : "none")}, {queries}";

    private static long? RetentionSeconds(TimeSpan? retention) => retention is { } r ? (long)Math.Ceiling(r.TotalSeconds) : null;

    /// <summary>The JSON document of the queries column.</summary>
    private sealed class BrandQueries
    {
        public List<string> Handles { get; set; } = [];
        public List<string> Keywords { get; set; } = [];
        public List<string> ExcludedTerms { get; set; } = [];
        public List<string> Subreddits { get; set; } = [];
        public List<string> Languages { get; set; } = [];

        // Absent from documents written before YouTube was a source: they read as an empty list.
        public List<string> YouTubeChannels { get; set; } = [];
        public List<FeedDocument> Feeds { get; set; } = [];

        public static BrandQueries From(Brand brand) => new()
        {
            Handles = [.. brand.Handles],
            Keywords = [.. brand.Keywords],
            ExcludedTerms = [.. brand.ExcludedTerms],
            Subreddits = [.. brand.Subreddits],
            Languages = [.. brand.Languages],
            YouTubeChannels = [.. brand.YouTubeChannels],
            Feeds = [.. brand.Feeds.Select(f => new FeedDocument { Name = f.Name, Url = f.Url?.AbsoluteUri })],
        };

        public Brand ToBrand(string name, long? retentionSeconds) => new()
        {
            Name = name,
            Handles = Handles,
            Keywords = Keywords,
            ExcludedTerms = ExcludedTerms,
            Subreddits = Subreddits,
            Languages = Languages,
            YouTubeChannels = YouTubeChannels,
            Feeds = [.. Feeds.Select(f => new BrandFeed { Name = f.Name, Url = f.Url is null ? null : new Uri(f.Url, UriKind.Absolute) })],
            Retention = retentionSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
        };
    }

    private sealed class FeedDocument
    {
        public string Name { get; set; } = "";
        public string? Url { get; set; }
    }

    private sealed class BrandRow
    {
        public string Name { get; set; } = "";
        public string Queries { get; set; } = "{}";
        public long? RetentionSeconds { get; set; }
        public long Version { get; set; }
        public string CreatedBy { get; set; } = "";
        public object CreatedAt { get; set; } = 0L;
        public string UpdatedBy { get; set; } = "";
        public object UpdatedAt { get; set; } = 0L;

        public StoredBrand ToStored() => new(
            WorkflowJson.Deserialize<BrandQueries>(Queries).ToBrand(Name, RetentionSeconds),
            Version,
            CreatedBy,
            SqlDialect.FromDb(CreatedAt),
            UpdatedBy,
            SqlDialect.FromDb(UpdatedAt));
    }
}
