using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Host.Composition;
using SocialWatch.Host.Web;

namespace SocialWatch.Host.Tests.Web;

/// <summary>
/// Composes the host exactly as <c>serve</c> does (SocialWatchApp), in-process so that tests can reach its services.
/// </summary>
internal static class WebHostComposition
{
    private static readonly ILoggerFactory SharedLoggerFactory = LoggerFactory.Create(b => b.AddConsole().SetMinimumLevel(LogLevel.Warning));

    public static async Task<WebApplication> BuildAsync(string[] args)
    {
        var builder = SocialWatchApp.CreateBuilder([.. args, "--applicationName", typeof(WebRegistration).Assembly.GetName().Name!]);
        SocialWatchApp.AddServices(builder);

        // Hangfire logs through one process-wide provider bound to the last host's logger factory; test hosts come and
        // go in one process, so they share a factory that is never disposed.
        builder.Services.Replace(ServiceDescriptor.Singleton(SharedLoggerFactory));

        // Critical-alert e-mails stay in memory: these tests run no SMTP server.
        builder.Services.Replace(ServiceDescriptor.Singleton<IEmailSender, CollectingEmailSender>());
        var app = builder.Build();
        await SocialWatchApp.ConfigureAsync(app);
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
