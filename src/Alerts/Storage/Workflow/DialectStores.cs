using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SocialWatch.Alerts.Storage.Workflow;

/// <summary>Builds a store written once over <see cref="SqlDialect"/> with the configured dialect and its statements.</summary>
internal static class DialectStores
{
    public static TStore Create<TSql, TStore>(IServiceProvider services, TSql sqlite, TSql postgreSql, TSql sqlServer, Func<SqlDialect, TSql, TStore> create) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider switch
        {
            StorageProvider.Sqlite => create(services.GetRequiredService<SqliteDialect>(), sqlite),
            StorageProvider.PostgreSql => create(services.GetRequiredService<PostgreSqlDialect>(), postgreSql),
            StorageProvider.SqlServer => create(services.GetRequiredService<SqlServerDialect>(), sqlServer),
            var other => throw new InvalidOperationException($"Storage provider {other} is not supported."),
        };
}
