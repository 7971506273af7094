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
        services.TryAddSingleton<SqliteSignInLockoutStore>();
        services.TryAddSingleton<PostgreSqlSignInLockoutStore>();
        services.TryAddSingleton<SqlServerSignInLockoutStore>();

        services.TryAddSingleton<IUserStore>(sp => new SqlUserStore(
            DialectChoice.Dialect(sp), DialectChoice.Pick(sp, SqliteUserSql.Statements, PostgreSqlUserSql.Statements, SqlServerUserSql.Statements), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IApiKeyStore>(sp => new SqlApiKeyStore(DialectChoice.Dialect(sp), DialectChoice.Pick(sp, SqliteApiKeySql.Statements, PostgreSqlApiKeySql.Statements, SqlServerApiKeySql.Statements)));
        services.TryAddSingleton<IAdminAuditStore>(sp => new SqlAdminAuditStore(DialectChoice.Dialect(sp), DialectChoice.Pick(sp, SqliteAdminAuditSql.Statements, PostgreSqlAdminAuditSql.Statements, SqlServerAdminAuditSql.Statements)));
        services.TryAddSingleton<IInsightsStore>(sp => new SqlInsightsStore(DialectChoice.Dialect(sp), DialectChoice.Pick(sp, SqliteInsightsSql.Statements, PostgreSqlInsightsSql.Statements, SqlServerInsightsSql.Statements)));
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
