using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Storage.PostgreSql;
using SocialWatch.Alerts.Storage.Sqlite;
using SocialWatch.Alerts.Storage.SqlServer;
using SocialWatch.Alerts.Brands;
using SocialWatch.Alerts.Storage.Workflow;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Storage;

public static class StorageRegistration
{
    /// <summary>
    /// Registers the stores of the configured dialect (<c>Storage:Provider</c>, <c>ConnectionStrings:SocialWatch</c>):
    /// <see cref="IMentionStore"/>, <see cref="IAlertStore"/>, <see cref="IIngestStateStore"/>,
    /// <see cref="IFeedbackStore"/>, <see cref="IStorageMaintenance"/>, <see cref="IBrandStore"/>, <see cref="IHandOverStore"/>, <see cref="IWatchListStore"/> and the cached
    /// <see cref="IBrandDirectory"/> (configured brands plus stored ones), all singletons. The settings are validated
    /// at start-up; <see cref="StorageConfiguration.Validate"/> gives the same messages before the host is built.
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

        services.TryAddSingleton<IMentionStore>(DialectStores.MentionStore);
        services.TryAddSingleton<IAlertStore>(sp => new SqlAlertStore(DialectChoice.Dialect(sp), DialectChoice.Pick(sp, SqliteAlertSql.Statements, PostgreSqlAlertSql.Statements, SqlServerAlertSql.Statements)));
        services.TryAddSingleton<IIngestStateStore>(DialectStores.IngestStateStore);
        services.TryAddSingleton<IFeedbackStore>(sp => new SqlFeedbackStore(DialectChoice.Dialect(sp), DialectChoice.Pick(sp, SqliteFeedbackSql.Statements, PostgreSqlFeedbackSql.Statements, SqlServerFeedbackSql.Statements)));
        services.TryAddSingleton<IStorageMaintenance>(sp => new SqlStorageMaintenance(
            DialectChoice.Dialect(sp),
            DialectChoice.Pick(sp, SqliteStorageMaintenanceSql.Statements, PostgreSqlStorageMaintenanceSql.Statements, SqlServerStorageMaintenanceSql.Statements),
            DialectChoice.Pick(
                sp,
                () => SqliteStorageMaintenanceSql.Migrations(sp.GetRequiredService<SqliteConnectionFactory>()),
                () => PostgreSqlStorageMaintenanceSql.Migrations(sp.GetRequiredService<PostgreSqlConnectionFactory>()),
                () => SqlServerStorageMaintenanceSql.Migrations(sp.GetRequiredService<SqlServerConnectionFactory>())),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SqlStorageMaintenance>>()));

        // Brands: every host that ingests or alerts reads the same directory, so it comes with the storage.
        services.TryAddSingleton<SqliteDialect>();
        services.TryAddSingleton<PostgreSqlDialect>();
        services.TryAddSingleton<SqlServerDialect>();
        services.TryAddSingleton<SqliteBrandStore>();
        services.TryAddSingleton<PostgreSqlBrandStore>();
        services.TryAddSingleton<SqlServerBrandStore>();
        services.TryAddSingleton<IBrandStore>(sp => Pick<IBrandStore, SqliteBrandStore, PostgreSqlBrandStore, SqlServerBrandStore>(sp));
        services.TryAddSingleton<SqliteHandOverStore>();
        services.TryAddSingleton<PostgreSqlHandOverStore>();
        services.TryAddSingleton<SqlServerHandOverStore>();
        services.TryAddSingleton<IHandOverStore>(sp => Pick<IHandOverStore, SqliteHandOverStore, PostgreSqlHandOverStore, SqlServerHandOverStore>(sp));
        services.TryAddSingleton<SqliteStorageIdentityStore>();
        services.TryAddSingleton<PostgreSqlStorageIdentityStore>();
        services.TryAddSingleton<SqlServerStorageIdentityStore>();
        services.TryAddSingleton<IStorageIdentityStore>(sp => Pick<IStorageIdentityStore, SqliteStorageIdentityStore, PostgreSqlStorageIdentityStore, SqlServerStorageIdentityStore>(sp));
        services.TryAddSingleton<SqliteDataProtectionKeyStore>();
        services.TryAddSingleton<PostgreSqlDataProtectionKeyStore>();
        services.TryAddSingleton<SqlServerDataProtectionKeyStore>();
        services.TryAddSingleton<IDataProtectionKeyStore>(sp => Pick<IDataProtectionKeyStore, SqliteDataProtectionKeyStore, PostgreSqlDataProtectionKeyStore, SqlServerDataProtectionKeyStore>(sp));
        services.TryAddSingleton<SqliteWatchListStore>();
        services.TryAddSingleton<PostgreSqlWatchListStore>();
        services.TryAddSingleton<SqlServerWatchListStore>();
        services.TryAddSingleton<IWatchListStore>(sp => Pick<IWatchListStore, SqliteWatchListStore, PostgreSqlWatchListStore, SqlServerWatchListStore>(sp));
        services.TryAddSingleton<IEscalationOutcomeStore>(sp => new SqlEscalationOutcomeStore(DialectChoice.Dialect(sp), DialectChoice.Pick(sp, SqliteEscalationOutcomeSql.Statements, PostgreSqlEscalationOutcomeSql.Statements, SqlServerEscalationOutcomeSql.Statements)));
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

    private sealed class StorageOptionsValidator(IConfiguration configuration) : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options)
        {
            var errors = StorageConfiguration.Validate(configuration);
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
