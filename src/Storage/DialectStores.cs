using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Storage;
using SocialWatch.Storage.PostgreSql;
using SocialWatch.Storage.Standard;
using SocialWatch.Storage.SqlServer;
using SocialWatch.Storage.Sqlite;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage;

/// <summary>The dialect-neutral stores of the configured provider, each given that dialect's statements.</summary>
internal static class DialectStores
{
    public static IMentionStore MentionStore(IServiceProvider services) => Provider(services) switch
    {
        StorageProvider.Sqlite => Mentions<SqliteDialect>(services, SqliteMentionSql.Statements, SqliteRetentionSql.Traces, d => new SqliteMentionPageInsert(d)),
        StorageProvider.PostgreSql => Mentions<PostgreSqlDialect>(services, PostgreSqlMentionSql.Statements, PostgreSqlRetentionSql.Traces, d => new PostgreSqlMentionPageInsert(d)),
        StorageProvider.SqlServer => Mentions<SqlServerDialect>(services, SqlServerMentionSql.Statements, SqlServerRetentionSql.Traces, _ => new SqlServerMentionPageInsert()),
        var other => throw new InvalidOperationException($"Storage provider {other} is not supported."),
    };

    public static IIngestStateStore IngestStateStore(IServiceProvider services) => Provider(services) switch
    {
        StorageProvider.Sqlite => IngestState<SqliteDialect>(services, StandardIngestStateSql.Statements(SqliteSyntax.Words)),
        StorageProvider.PostgreSql => IngestState<PostgreSqlDialect>(services, StandardIngestStateSql.Statements(PostgreSqlSyntax.Words)),
        StorageProvider.SqlServer => IngestState<SqlServerDialect>(services, SqlServerIngestStateSql.Statements),
        var other => throw new InvalidOperationException($"Storage provider {other} is not supported."),
    };

    private static SqlMentionStore Mentions<TDialect>(IServiceProvider services, MentionSql sql, MentionTraceSql traces, Func<TDialect, IMentionPageInsert> pageInsert)
        where TDialect : SqlDialect
    {
        var dialect = services.GetRequiredService<TDialect>();
        return new SqlMentionStore(dialect, sql, traces, pageInsert(dialect), services.GetRequiredService<TimeProvider>());
    }

    private static SqlIngestStateStore IngestState<TDialect>(IServiceProvider services, IngestStateSql sql)
        where TDialect : SqlDialect =>
        new(services.GetRequiredService<TDialect>(), sql, services.GetRequiredService<TimeProvider>());

    private static StorageProvider Provider(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider;
}
