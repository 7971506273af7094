using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Brands;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Promises;
using SocialWatch.Alerts.Reopen;
using SocialWatch.Alerts.Retention;
using SocialWatch.Alerts.Routing;
using SocialWatch.Alerts.Sla;
using SocialWatch.Alerts.Spikes;
using SocialWatch.Alerts.Spread;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Notifications;
using SocialWatch.Core.Promises;
using SocialWatch.Core.Retention;
using SocialWatch.Core.Routing;
using SocialWatch.Core.Sla;
using SocialWatch.Core.Spikes;
using SocialWatch.Core.Spread;
using SocialWatch.Core.Teams;
using SocialWatch.Core.Workflow;

namespace SocialWatch.Alerts;

public static class AlertsRegistration
{
    /// <summary>
    /// Registers the alert workflow: routing (<see cref="IMentionsStoredHandler"/>), the agents' use cases, SLA,
    /// promises, re-complaints, spike detection, retention, the notification pipeline (queue, background worker,
    /// webhooks, critical e-mail, <see cref="IAlertEventStream"/> for the dashboard). The stores come from
    /// <c>AddSocialWatchStorage</c>, which the composing host calls too, and an <see cref="IEmailSender"/> from the digests.
    /// </summary>
    public static IServiceCollection AddSocialWatchAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<RoutingOptions>().BindConfiguration(RoutingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SlaOptions>().BindConfiguration(SlaOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReopenOptions>().BindConfiguration(ReopenOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SpikeOptions>().BindConfiguration(SpikeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName).ValidateDataAnnotations()
            .Validate(
                o => o.Webhooks.All(w => !string.IsNullOrWhiteSpace(w.Name) && w.Url is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)),
                $"Every entry of {NotificationOptions.SectionName}:Webhooks needs a Name and an absolute http(s) Url.")
            .ValidateOnStart();

        services.TryAddTransient<BrandEditor>();

        // Domain services: stateless, so one instance serves every request and job.
        services.TryAddSingleton<RoutingRuleEvaluator>();
        services.TryAddSingleton<SlaCalculator>();
        services.TryAddSingleton<DeadlinePlanner>();
        services.TryAddSingleton<RoundRobinAssigner>();
        services.TryAddSingleton<ReopenOnReComplaint>();
        services.TryAddSingleton<SpikeDetector>();
        services.TryAddSingleton<SpikeTracker>();
        services.TryAddSingleton<MentionAlertRaiser>();
        services.TryAddSingleton<MentionRouter>();
        services.TryAddSingleton<RescoredMentionRouter>();

        // Enumerable: ingest registers its own stored-handler (the watch list's enrolment) beside routing.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMentionsStoredHandler, MentionRouter>(sp => sp.GetRequiredService<MentionRouter>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMentionsRescoredHandler, RescoredMentionRouter>(sp => sp.GetRequiredService<RescoredMentionRouter>()));
        services.TryAddSingleton<IOperatorAlerts, OperatorAlertRaiser>();

        // One class per use case, resolved by the web layer per request.
        services.TryAddTransient<ClaimAlert>();
        services.TryAddTransient<AssignAlert>();
        services.TryAddTransient<UnclaimAlert>();
        services.TryAddTransient<AcknowledgeAlert>();
        services.TryAddTransient<RespondToAlert>();
        services.TryAddTransient<ResolveAlert>();
        services.TryAddTransient<DismissAlert>();
        services.TryAddTransient<RecordPromise>();
        services.TryAddTransient<MarkPromiseKept>();
        services.TryAddTransient<EraseAuthorData>();

        // Recurring jobs (the Host schedules them).
        services.TryAddTransient<SlaSweepJob>();
        services.TryAddTransient<PromiseCheckJob>();
        services.TryAddTransient<SpikeDetectionJob>();
        services.TryAddTransient<RetentionPurgeJob>();

        // Notifications: publishers write to an in-memory queue; the worker records webhooks and e-mails in the outbox
        // (and feeds the live stream); the outbox worker of every host sends them. A new alert's rows are written with
        // its announcement, and the recovery of every host announces the alerts a dead host's queue never wrote.
        services.TryAddSingleton<ChannelAlertNotifier>();
        services.TryAddSingleton<IAlertNotifier>(sp => sp.GetRequiredService<ChannelAlertNotifier>());
        services.TryAddSingleton<AlertEventStream>();
        services.TryAddSingleton<IAlertEventStream>(sp => sp.GetRequiredService<AlertEventStream>());
        // The stream hears this host's events through the relay, which also takes the changes AddLiveAlertTail reads.
        services.TryAddSingleton<LiveAlertRelay>();
        services.AddSingleton<IAlertEventSink>(sp => sp.GetRequiredService<LiveAlertRelay>());
        services.AddSingleton<IAlertEventSink, WebhookSink>();
        services.AddSingleton<IAlertEventSink, CriticalEmailSink>();
        services.AddHttpClient<WebhookClient>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<AlertAnnouncer>();
        services.AddHostedService<NotificationWorker>();
        services.TryAddSingleton<AlertAnnouncementRecovery>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertAnnouncementRecovery>());
        services.TryAddSingleton<NotificationOutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationOutboxWorker>());
        return services;
    }

    /// <summary>
    /// Makes this host's live stream carry the alert changes of every host (workers, other web hosts) by tailing
    /// the alert audit in the database. Web hosts need it; a worker-only host has no browsers to tell.
    /// </summary>
    public static IServiceCollection AddLiveAlertTail(this IServiceCollection services)
    {
        if (services.Any(s => s.ServiceType == typeof(AlertChangeTail)))
        {
            return services;
        }

        services.AddSingleton<AlertChangeTail>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertChangeTail>());
        return services;
    }
}
