using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Access;
using SocialWatch.Alerts.Insights;
using SocialWatch.Alerts.Storage.PostgreSql;
using SocialWatch.Alerts.Storage.Sqlite;
using SocialWatch.Alerts.Storage.SqlServer;
using SocialWatch.Alerts.Storage.Workflow;

namespace SocialWatch.Alerts.Storage;

public static class WebStorageRegistration
{
    /// <summary>
    /// Registers the web's stores for the configured dialect: <see cref="IUserStore"/>, <see cref="IApiKeyStore"/>,
    /// <see cref="IAdminAuditStore"/>, <see cref="IInsightsStore"/> and <see cref="ISignInLockoutStore"/>. Needs <see cref="StorageRegistration.AddSocialWatchStorage"/>.
    /// </summary>
    public static IServiceCollection AddSocialWatchWebStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<SqliteDialect>();
        services.TryAddSingleton<PostgreSqlDialect>();
        services.TryAddSingleton<SqlServerDialect>();
        services.TryAddSingleton<SqliteUserStore>();
        services.TryAddSingleton<SqliteApiKeyStore>();
        services.TryAddSingleton<SqliteAdminAuditStore>();
        services.TryAddSingleton<SqliteSignInLockoutStore>();
        services.TryAddSingleton<PostgreSqlUserStore>();
        services.TryAddSingleton<PostgreSqlApiKeyStore>();
        services.TryAddSingleton<PostgreSqlAdminAuditStore>();
        services.TryAddSingleton<PostgreSqlSignInLockoutStore>();
        services.TryAddSingleton<SqlServerUserStore>();
        services.TryAddSingleton<SqlServerApiKeyStore>();
        services.TryAddSingleton<SqlServerAdminAuditStore>();
        services.TryAddSingleton<SqlServerSignInLockoutStore>();

        services.TryAddSingleton<IUserStore>(sp => Pick<IUserStore, SqliteUserStore, PostgreSqlUserStore, SqlServerUserStore>(sp));
        services.TryAddSingleton<IApiKeyStore>(sp => Pick<IApiKeyStore, SqliteApiKeyStore, PostgreSqlApiKeyStore, SqlServerApiKeyStore>(sp));
        services.TryAddSingleton<IAdminAuditStore>(sp => Pick<IAdminAuditStore, SqliteAdminAuditStore, PostgreSqlAdminAuditStore, SqlServerAdminAuditStore>(sp));
        services.TryAddSingleton<IInsightsStore>(sp => DialectStores.Create(sp, SqliteInsightsSql.Statements, PostgreSqlInsightsSql.Statements, SqlServerInsightsSql.Statements, (dialect, sql) => new SqlInsightsStore(dialect, sql)));
        services.TryAddSingleton<ISignInLockoutStore>(sp => Pick<ISignInLockoutStore, SqliteSignInLockoutStore, PostgreSqlSignInLockoutStore, SqlServerSignInLockoutStore>(sp));
        return services;
    }

    private static TService Pick<TService, TSqlite, TPostgreSql, TSqlServer>(IServiceProvider services)
        where TSqlite : TService
        where TPostgreSql : TService
        where TSqlServer : TService
        where TService : notnull =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider switch
        {
            StorageProvider.Sqlite => services.GetRequiredService<TSqlite>(),
            StorageProvider.PostgreSql => services.GetRequiredService<TPostgreSql>(),
            StorageProvider.SqlServer => services.GetRequiredService<TSqlServer>(),
            var other => throw new InvalidOperationException($"Storage provider {other} is not supported."),
        };
}
