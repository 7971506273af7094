using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialWatch.Alerts;
using SocialWatch.Alerts.Digests;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Host.Composition;
using SocialWatch.Host.Web;

namespace SocialWatch.Host.Tests.Web;

/// <summary>
/// Composes the host exactly as <c>serve</c> does (SocialWatchApp), in-process so that tests can reach its services.
/// The web and alert registrations are idempotent, so calling them here is a no-op once the composition has them.
/// </summary>
internal static class WebHostComposition
{
    public static async Task<WebApplication> BuildAsync(string[] args)
    {
        var builder = SocialWatchApp.CreateBuilder([.. args, "--applicationName", typeof(WebRegistration).Assembly.GetName().Name!]);
        SocialWatchApp.AddServices(builder);
        if (!builder.Services.Any(s => s.ServiceType == typeof(IAlertEventStream)))
        {
            builder.Services.AddSocialWatchAlerts(builder.Configuration);
        }

        builder.Services.TryAddSingleton<IEmailSender, CollectingEmailSender>();
        if (!builder.Services.Any(s => s.ServiceType == typeof(IDigestSubscriptionStore)))
        {
            builder.Services.AddSocialWatchDigests(builder.Configuration);
        }

        builder.Services.AddSocialWatchWeb(builder.Configuration);
        var app = builder.Build();
        await SocialWatchApp.ConfigureAsync(app);
        await app.UseSocialWatchWebAsync();
        return app;
    }

    /// <summary>Keeps e-mails in memory: tests send none to a real server.</summary>
    internal sealed class CollectingEmailSender : IEmailSender
    {
        public ConcurrentQueue<EmailMessage> Sent { get; } = new();

        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            Sent.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}
