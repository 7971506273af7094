using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialWatch.Alerts.Email;
using SocialWatch.Core.Digests;
using Notifications = SocialWatch.Alerts.Notifications;

namespace SocialWatch.Alerts.Digests;

public static class DigestRegistration
{
    /// <summary>
    /// Registers digests: the builder, the
    /// Hangfire job (<see cref="DigestJob"/>), the scheduler, the admin and preview use cases, and the MailKit SMTP
    /// sender (also as the notifications' <see cref="Notifications.IEmailSender"/>). Needs
    /// the digest stores and queries of <c>AddSocialWatchStorage</c> and Hangfire's IRecurringJobManager
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
}
