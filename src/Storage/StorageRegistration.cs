using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Access;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Digests;
using SocialWatch.Core.Insights;
using SocialWatch.Core.Notifications;
using SocialWatch.Core.Promises;
using SocialWatch.Core.Retention;
using SocialWatch.Core.Routing;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Sla;
using SocialWatch.Core.Spikes;
using SocialWatch.Core.Spread;
using SocialWatch.Core.Storage;
using SocialWatch.Core.Teams;
using SocialWatch.Core.Workflow;
using SocialWatch.Storage.Standard;
using SocialWatch.Storage.PostgreSql;
using SocialWatch.Storage.SqlServer;
using SocialWatch.Storage.Sqlite;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage;

public static class StorageRegistration
{
    /// <summary>
    /// Registers every store of the configured dialect (<c>Storage:Provider</c>, <c>ConnectionStrings:SocialWatch</c>)
    /// under its Core interface: ingest and scoring, the alert workflow, notifications, digests and the web, plus the
    /// cached <see cref="IBrandDirectory"/> (configured brands plus stored ones), all singletons. The settings are
    /// validated at start-up; <see cref="StorageConfiguration.Validate"/> gives the same messages before the host is built.
    /// </summary>
    public static IServiceCollection AddSocialWatchStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Bound by hand rather than BindConfiguration: the binder throws on an unknown enum name before any
        // validator runs, and the operator should see the one-line message of StorageConfiguration instead.
        services.AddOptions<StorageOptions>()
            .Configure(options => StorageConfiguration.Bind(configuration, options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>>(new StorageOptionsValidator(configuration)));
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => new SqliteConnectionFactory(ConnectionString(sp)));
        services.TryAddSingleton(sp => new PostgreSqlConnectionFactory(ConnectionString(sp)));
        services.TryAddSingleton(sp => new SqlServerConnectionFactory(ConnectionString(sp)));
        services.TryAddSingleton<SqliteDialect>();
        services.TryAddSingleton<PostgreSqlDialect>();
        services.TryAddSingleton<SqlServerDialect>();

        // Ingest, scoring and the alert records.
        services.TryAddSingleton<IMentionStore>(DialectStores.MentionStore);
        services.TryAddSingleton<IIngestStateStore>(DialectStores.IngestStateStore);
        services.TryAddSingleton<IAlertStore>(sp => new SqlAlertStore(DialectChoice.Dialect(sp), DialectChoice.Pick(sp, SqliteAlertSql.Statements, PostgreSqlAlertSql.Statements, SqlServerAlertSql.Statements)));
        services.TryAddSingleton<IFeedbackStore>(sp => new SqlFeedbackStore(DialectChoice.Dialect(sp), DialectChoice.Pick(sp, StandardFeedbackSql.Statements, StandardFeedbackSql.Statements, SqlServerFeedbackSql.Statements)));
        services.TryAddSingleton<IEscalationOutcomeStore>(sp => new SqlEscalationOutcomeStore(DialectChoice.Dialect(sp), DialectChoice.Pick(sp, StandardEscalationOutcomeSql.Statements(SqliteSyntax.Words), StandardEscalationOutcomeSql.Statements(PostgreSqlSyntax.Words), SqlServerEscalationOutcomeSql.Statements)));
        services.TryAddSingleton<IStorageMaintenance>(sp => new SqlStorageMaintenance(
            DialectChoice.Dialect(sp),
            DialectChoice.Pick(sp, SqliteStorageMaintenanceSql.Statements, PostgreSqlStorageMaintenanceSql.Statements, SqlServerStorageMaintenanceSql.Statements),
            DialectChoice.Pick(
                sp,
                () => SqliteStorageMaintenanceSql.Migrations(sp.GetRequiredService<SqliteConnectionFactory>()),
                () => PostgreSqlStorageMaintenanceSql.Migrations(sp.GetRequiredService<PostgreSqlConnectionFactory>()),
                () => SqlServerStorageMaintenanceSql.Migrations(sp.GetRequiredService<SqlServerConnectionFactory>())),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SqlStorageMaintenance>>()));
        services.TryAddSingleton<IBrandStore>(sp => new SqlBrandStore(
            DialectChoice.Dialect(sp), sp.GetRequiredService<TimeProvider>(), DialectChoice.Pick(sp, StandardBrandSql.Statements(SqliteSyntax.Words), StandardBrandSql.Statements(PostgreSqlSyntax.Words), SqlServerBrandSql.Statements)));
        services.TryAddSingleton<IHandOverStore>(sp => new SqlHandOverStore(
            DialectChoice.Dialect(sp), DialectChoice.Pick(sp, StandardHandOverSql.Statements, StandardHandOverSql.Statements, SqlServerHandOverSql.Statements)));
        services.TryAddSingleton<IWatchListStore>(sp => new SqlWatchListStore(
            DialectChoice.Dialect(sp), DialectChoice.Pick(sp, SqliteWatchListSql.Statements, PostgreSqlWatchListSql.Statements, SqlServerWatchListSql.Statements)));
        PerDialect<IStorageIdentityStore, SqliteStorageIdentityStore, PostgreSqlStorageIdentityStore, SqlServerStorageIdentityStore>(services);
        services.TryAddSingleton<IDataProtectionKeyStore>(sp => new SqlDataProtectionKeyStore(
            DialectChoice.Dialect(sp), sp.GetRequiredService<TimeProvider>(), DialectChoice.Pick(sp, SqliteDataProtectionKeySql.Statements, PostgreSqlDataProtectionKeySql.Statements, SqlServerDataProtectionKeySql.Statements)));

        // The alert workflow: teams, rules, SLA, promises, spikes, retention, notifications.
        services.TryAddSingleton<ITeamStore>(sp => new SqlTeamStore(
            DialectChoice.Dialect(sp), sp.GetRequiredService<TimeProvider>(), DialectChoice.Pick(sp, StandardTeamSql.Statements, StandardTeamSql.Statements, SqlServerTeamSql.Statements)));
        services.TryAddSingleton<IRoutingRuleStore>(sp => new SqlRoutingRuleStore(
            DialectChoice.Dialect(sp), sp.GetRequiredService<TimeProvider>(), DialectChoice.Pick(sp, StandardRoutingRuleSql.Statements, StandardRoutingRuleSql.Statements, SqlServerRoutingRuleSql.Statements)));
        services.TryAddSingleton<ISlaPolicyStore>(sp => new SqlSlaPolicyStore(
            DialectChoice.Dialect(sp), sp.GetRequiredService<TimeProvider>(), DialectChoice.Pick(sp, StandardSlaPolicySql.Statements, StandardSlaPolicySql.Statements, SqlServerSlaPolicySql.Statements)));
        services.TryAddSingleton<IPromiseStore>(sp => new SqlPromiseStore(
            DialectChoice.Dialect(sp), DialectChoice.Pick(sp, StandardPromiseSql.Statements, StandardPromiseSql.Statements, SqlServerPromiseSql.Statements)));
        services.TryAddSingleton<ISpikeStateStore>(sp => new SqlSpikeStateStore(
            DialectChoice.Dialect(sp), DialectChoice.Pick(sp, StandardSpikeStateSql.Statements, StandardSpikeStateSql.Statements, SqlServerSpikeStateSql.Statements)));
        services.TryAddSingleton<IWorkflowQueries>(sp => new SqlWorkflowQueries(
            DialectChoice.Dialect(sp), sp.GetRequiredService<IAlertStore>(), DialectChoice.Pick(sp, SqliteWorkflowQuerySql.Statements, PostgreSqlWorkflowQuerySql.Statements, SqlServerWorkflowQuerySql.Statements)));
        services.TryAddSingleton<ISpikeDataSource>(sp => (ISpikeDataSource)sp.GetRequiredService<IWorkflowQueries>());
        services.TryAddSingleton<ISpreadQueries>(sp => new SqlSpreadQueries(DialectChoice.Dialect(sp), DialectChoice.Pick(sp, StandardSpreadQuerySql.Statements(SqliteSyntax.Words), StandardSpreadQuerySql.Statements(PostgreSqlSyntax.Words), SqlServerSpreadQuerySql.Statements)));
        services.TryAddSingleton<IRetentionStore>(sp => new SqlRetentionStore(
            DialectChoice.Dialect(sp),
            DialectChoice.Pick(sp, SqliteRetentionSql.Statements, PostgreSqlRetentionSql.Statements, SqlServerRetentionSql.Statements),
            DialectChoice.Pick(sp, SqliteRetentionSql.Traces, PostgreSqlRetentionSql.Traces, SqlServerRetentionSql.Traces)));
        services.TryAddSingleton<IDataAuditLog>(sp => new SqlDataAuditLog(
            DialectChoice.Dialect(sp), DialectChoice.Pick(sp, StandardDataAuditSql.Statements, StandardDataAuditSql.Statements, SqlServerDataAuditSql.Statements)));
        services.TryAddSingleton<IWebhookStore>(sp => new SqlWebhookStore(
            DialectChoice.Dialect(sp), sp.GetRequiredService<TimeProvider>(), DialectChoice.Pick(sp, StandardWebhookSql.Statements, StandardWebhookSql.Statements, SqlServerWebhookSql.Statements)));
        services.TryAddSingleton<INotificationOutbox>(sp => new SqlNotificationOutbox(
            DialectChoice.Dialect(sp), sp.GetRequiredService<TimeProvider>(), DialectChoice.Pick(sp, SqliteOutboxSql.Statements, PostgreSqlOutboxSql.Statements, SqlServerOutboxSql.Statements)));
        services.TryAddSingleton<INotificationDeliveryLog>(sp => new SqlNotificationDeliveryLog(
            DialectChoice.Dialect(sp), DialectChoice.Pick(sp, StandardDeliveryLogSql.Statements, StandardDeliveryLogSql.Statements, SqlServerDeliveryLogSql.Statements)));
        services.TryAddSingleton<IOperationalFigures>(sp => new SqlOperationalFigures(
            DialectChoice.Dialect(sp), DialectChoice.Pick(sp, StandardOperationalFiguresSql.Statements, StandardOperationalFiguresSql.Statements, SqlServerOperationalFiguresSql.Statements)));
        services.TryAddSingleton<IAlertChangeLog>(sp => new SqlAlertChangeLog(DialectChoice.Dialect(sp), DialectChoice.Pick(sp, StandardAlertChangeLogSql.Statements(SqliteSyntax.Words), StandardAlertChangeLogSql.Statements(PostgreSqlSyntax.Words), SqlServerAlertChangeLogSql.Statements)));

        // Digests.
        services.TryAddSingleton(sp => new SqlDigestStore(
            DialectChoice.Dialect(sp), DialectChoice.Pick(sp, StandardDigestSql.Statements, StandardDigestSql.Statements, SqlServerDigestSql.Statements)));
        services.TryAddSingleton<IDigestSubscriptionStore>(sp => sp.GetRequiredService<SqlDigestStore>());
        services.TryAddSingleton<IDigestRunStore>(sp => sp.GetRequiredService<SqlDigestStore>());
        services.TryAddSingleton<IDigestDataSource>(sp => new SqlDigestDataSource(
            DialectChoice.Dialect(sp), DialectChoice.Pick(sp, SqliteDigestDataSql.Statements, PostgreSqlDigestDataSql.Statements, SqlServerDigestDataSql.Statements)));

        // The web: users, API keys, the admin audit, sign-in lockouts, the queue and dashboard queries.
        services.TryAddSingleton<IUserStore>(sp => new SqlUserStore(
            DialectChoice.Dialect(sp), DialectChoice.Pick(sp, StandardUserSql.Statements(SqliteSyntax.Words), StandardUserSql.Statements(PostgreSqlSyntax.Words), SqlServerUserSql.Statements), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IApiKeyStore>(sp => new SqlApiKeyStore(DialectChoice.Dialect(sp), DialectChoice.Pick(sp, StandardApiKeySql.Statements, StandardApiKeySql.Statements, SqlServerApiKeySql.Statements)));
        services.TryAddSingleton<IAdminAuditStore>(sp => new SqlAdminAuditStore(DialectChoice.Dialect(sp), DialectChoice.Pick(sp, StandardAdminAuditSql.Statements, StandardAdminAuditSql.Statements, SqlServerAdminAuditSql.Statements)));
        services.TryAddSingleton<IModelVersionStore>(sp => new SqlModelVersionStore(DialectChoice.Dialect(sp), DialectChoice.Pick(sp, SqliteModelVersionSql.Statements, PostgreSqlModelVersionSql.Statements, SqlServerModelVersionSql.Statements)));
        services.TryAddSingleton<IInsightsStore>(sp => new SqlInsightsStore(DialectChoice.Dialect(sp), DialectChoice.Pick(sp, SqliteInsightsSql.Statements, PostgreSqlInsightsSql.Statements, SqlServerInsightsSql.Statements)));
        services.TryAddSingleton<ISignInLockoutStore>(sp => new SqlSignInLockoutStore(
            DialectChoice.Dialect(sp), DialectChoice.Pick(sp, SqliteSignInLockoutSql.Statements, PostgreSqlSignInLockoutSql.Statements, SqlServerSignInLockoutSql.Statements)));

        // Brands: every host that ingests or alerts reads the same directory, so it comes with the storage.
        services.AddOptions<BrandDirectoryOptions>().BindConfiguration(BrandDirectoryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // The list is the root's "Brands" key, so the options bind the root (and follow its reloads).
        services.AddOptions<BrandsOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IBrandDirectory>(sp => new BrandDirectory(
            sp.GetRequiredService<IOptionsMonitor<BrandsOptions>>(),
            sp.GetRequiredService<IBrandStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<BrandDirectoryOptions>>()));
        return services;
    }

    private static string ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString;

    /// <summary>A store with a class per dialect: each is registered, and the service resolves to the configured one.</summary>
    private static void PerDialect<TService, TSqlite, TPostgreSql, TSqlServer>(IServiceCollection services)
        where TService : class
        where TSqlite : class, TService
        where TPostgreSql : class, TService
        where TSqlServer : class, TService
    {
        services.TryAddSingleton<TSqlite>();
        services.TryAddSingleton<TPostgreSql>();
        services.TryAddSingleton<TSqlServer>();
        services.TryAddSingleton<TService>(sp => DialectChoice.Pick<TService>(
            sp, sp.GetRequiredService<TSqlite>, sp.GetRequiredService<TPostgreSql>, sp.GetRequiredService<TSqlServer>));
    }

    private sealed class StorageOptionsValidator(IConfiguration configuration) : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options)
        {
            var errors = StorageConfiguration.Validate(configuration);
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
