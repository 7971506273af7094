using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Digests.PostgreSql;
using SocialWatch.Alerts.Digests.Sqlite;
using SocialWatch.Alerts.Digests.SqlServer;
using SocialWatch.Alerts.Email;
using SocialWatch.Alerts.Storage;
using Notifications = SocialWatch.Alerts.Notifications;

namespace SocialWatch.Alerts.Digests;

public static class DigestRegistration
{
    /// <summary>
    /// Registers digests: the stores and aggregate queries of the configured storage dialect, the builder, the
    /// Hangfire job (<see cref="DigestJob"/>), the scheduler, the admin and preview use cases, and the MailKit SMTP
    /// sender (also as the notifications' <see cref="Notifications.IEmailSender"/>). Needs
    /// <see cref="StorageRegistration.AddSocialWatchStorage"/> (connections) and Hangfire's IRecurringJobManager
    /// (the scheduler) from Host. "Digests" and "Smtp" settings are validated at start-up.
    /// </summary>
    public static IServiceCollection AddSocialWatchDigests(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<SmtpEmailSender>();
        services.TryAddSingleton<IEmailSender>(sp => sp.GetRequiredService<SmtpEmailSender>());
        services.TryAddSingleton<Notifications.IEmailSender>(sp => sp.GetRequiredService<SmtpEmailSender>());

        services.TryAddSingleton<SqliteDigestStore>();
        services.TryAddSingleton<PostgreSqlDigestStore>();
        services.TryAddSingleton<SqlServerDigestStore>();
        services.TryAddSingleton<SqliteDigestDataSource>();
        services.TryAddSingleton<PostgreSqlDigestDataSource>();
        services.TryAddSingleton<SqlServerDigestDataSource>();
        services.TryAddSingleton<IDigestSubscriptionStore>(sp => Pick<IDigestSubscriptionStore, SqliteDigestStore, PostgreSqlDigestStore, SqlServerDigestStore>(sp));
        services.TryAddSingleton<IDigestRunStore>(sp => Pick<IDigestRunStore, SqliteDigestStore, PostgreSqlDigestStore, SqlServerDigestStore>(sp));
        services.TryAddSingleton<IDigestDataSource>(sp => Pick<IDigestDataSource, SqliteDigestDataSource, PostgreSqlDigestDataSource, SqlServerDigestDataSource>(sp));

        services.TryAddSingleton<DigestBuilder>();
        services.TryAddSingleton<DigestComposer>();
        services.TryAddTransient<DigestJob>();
        services.TryAddSingleton<DigestScheduler>();
        services.TryAddTransient<CreateDigestSubscription>();
        services.TryAddTransient<UpdateDigestSubscription>();
        services.TryAddTransient<DeleteDigestSubscription>();
        services.TryAddTransient<ListDigestSubscriptions>();
        services.TryAddTransient<ListDigestRuns>();
        services.TryAddTransient<PreviewDigest>();
        services.TryAddTransient<SendTestDigest>();
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
