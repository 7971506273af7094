using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SocialWatch.Storage.Stores;

/// <summary>Picks, for the configured provider, the dialect and the statements a dialect-neutral store is built with.</summary>
internal static class DialectChoice
{
    public static StorageProvider Provider(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider;

    public static SqlDialect Dialect(IServiceProvider services) =>
        Pick<SqlDialect>(services, services.GetRequiredService<SqliteDialect>, services.GetRequiredService<PostgreSqlDialect>, services.GetRequiredService<SqlServerDialect>);

    public static T Pick<T>(IServiceProvider services, T sqlite, T postgreSql, T sqlServer) =>
        Pick(services, () => sqlite, () => postgreSql, () => sqlServer);

    public static T Pick<T>(IServiceProvider services, Func<T> sqlite, Func<T> postgreSql, Func<T> sqlServer) => Provider(services) switch
    {
        StorageProvider.Sqlite => sqlite(),
        StorageProvider.PostgreSql => postgreSql(),
        StorageProvider.SqlServer => sqlServer(),
        var other => throw new InvalidOperationException($"Storage provider {other} is not supported."),
    };
}
