using Hangfire;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts;
using SocialWatch.Alerts.Digests;
using SocialWatch.Core.Storage;
using SocialWatch.Host.Api;
using SocialWatch.Host.Health;
using SocialWatch.Host.Jobs;
using SocialWatch.Host.Observability;
using SocialWatch.Host.Web;
using SocialWatch.Host.Web.Auth;
using SocialWatch.Ingest;
using SocialWatch.Scoring;
using SocialWatch.Storage;

namespace SocialWatch.Host.Composition;

/// <summary>The composition root: every project's services wired into one web host.</summary>
internal static class SocialWatchApp
{
    /// <summary>
    /// Creates the builder with configuration loaded from the app's own folder, so that the service starts
    /// the same way whatever directory it is launched from.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });

    /// <summary>Registers everything; call only after <see cref="ConfigurationCheck.Validate"/> passed.</summary>
    public static void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var host = configuration.GetSection(SocialWatchHostOptions.SectionName).Get<SocialWatchHostOptions>() ?? new SocialWatchHostOptions();

        services.AddOptions<SocialWatchHostOptions>().BindConfiguration(SocialWatchHostOptions.SectionName);
        services.AddSingleton(TimeProvider.System);
        services.AddSocialWatchStorage(configuration);
        services.AddSocialWatchScoring(configuration);
        services.AddHostedService<Scoring.Runtime.ModelWatcher>();
        services.AddSocialWatchIngest(configuration);
        services.AddSocialWatchAlerts(configuration);
        services.AddSocialWatchDigests(configuration);
        services.AddSocialWatchWeb(configuration);
        services.AddSocialWatchDataProtection(configuration);
        services.AddSocialWatchForwardedHeaders();
        if (host.Web)
        {
            services.AddLiveAlertTail();
        }
        else
        {
            services.AnswerChallengesWithoutRedirect();
        }

        services.AddSocialWatchHangfire(configuration, host);
        if (host.Worker)
        {
            services.AddSocialWatchIngestWorkers(configuration);
        }

        services.AddSocialWatchHealth();
        services.AddSocialWatchObservability();
        services.AddTransient<ScheduledJobs>();
        services.AddHostedService<RecurringJobSetup>();
        services.AddProblemDetails();
    }

    public static async Task ConfigureAsync(WebApplication app)
    {
        var host = app.Services.GetRequiredService<IOptions<SocialWatchHostOptions>>().Value;
        var stamp = await DatabaseStampGuard.OpenAsync(app.Services, host.MigrateOnStart, app.Logger, app.Lifetime.ApplicationStopping);
        app.Services.GetRequiredService<StartedDatabase>().Stamp = stamp;

        // First, so that everything after it (cookies, redirects, logs, rate limits) sees the caller's scheme and address.
        app.UseForwardedHeaders();
        app.UseSocialWatchErrorPages();
        app.MapSocialWatchHealth();

        if (host.Web)
        {
            await app.UseSocialWatchWebAsync();
            app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new HangfireAdminFilter()] });
            app.MapMentionPush();
        }

        app.MapSocialWatchObservability(host.Web);
    }
}
