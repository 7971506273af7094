using System.Collections.Concurrent;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Promises;
using SocialWatch.Alerts.Storage;
using SocialWatch.Alerts.Teams;
using SocialWatch.Core.Storage;
using SocialWatch.Host.Web;

namespace SocialWatch.Host.Tests.Web;

/// <summary>
/// Composes the web host the way the service does. TEMPORARY: stands in for SocialWatchApp (Host/Composition) until
/// that lands on this branch; then this becomes a call to it.
/// </summary>
internal static class WebHostComposition
{
    public static async Task<WebApplication> BuildAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSocialWatchStorage(builder.Configuration);
        builder.Services.AddSocialWatchWebStorage();
        builder.Services.AddOptions<NotificationOptions>();
        builder.Services.AddSingleton<ChannelAlertNotifier>();
        builder.Services.AddSingleton<IAlertNotifier>(sp => sp.GetRequiredService<ChannelAlertNotifier>());
        builder.Services.AddSingleton<AlertEventStream>();
        builder.Services.AddSingleton<IAlertEventStream>(sp => sp.GetRequiredService<AlertEventStream>());
        builder.Services.AddSingleton<IAlertEventSink>(sp => sp.GetRequiredService<AlertEventStream>());
        builder.Services.AddHostedService<NotificationWorker>();
        builder.Services.AddSingleton<ITeamStore, MemoryTeamStore>();
        builder.Services.AddSingleton<IPromiseStore, MemoryPromiseStore>();
        builder.Services.AddSocialWatchWeb(builder.Configuration);
        var app = builder.Build();
        await app.Services.GetRequiredService<IStorageMaintenance>().MigrateAsync(CancellationToken.None);
        await app.UseSocialWatchWebAsync();
        return app;
    }

    private sealed class MemoryTeamStore : ITeamStore
    {
        private readonly ConcurrentDictionary<string, TeamProfile> _teams = new(StringComparer.OrdinalIgnoreCase);

        public Task<TeamProfile?> GetAsync(string name, CancellationToken cancellationToken) => Task.FromResult(_teams.GetValueOrDefault(name));

        public Task<IReadOnlyList<TeamProfile>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<TeamProfile>>([.. _teams.Values.OrderBy(t => t.Name)]);

        public Task SaveAsync(TeamProfile team, string actor, CancellationToken cancellationToken)
        {
            _teams[team.Name] = team;
            return Task.CompletedTask;
        }

        public Task<string?> GetLastAssigneeAsync(string team, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        public Task SetLastAssigneeAsync(string team, string userId, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class MemoryPromiseStore : IPromiseStore
    {
        private readonly ConcurrentDictionary<long, Promise> _promises = new();
        private long _nextId;

        public Task<Promise> AddAsync(Promise promise, CancellationToken cancellationToken)
        {
            var stored = promise with { Id = Interlocked.Increment(ref _nextId) };
            _promises[stored.Id] = stored;
            return Task.FromResult(stored);
        }

        public Task<Promise?> GetAsync(long id, CancellationToken cancellationToken) => Task.FromResult(_promises.GetValueOrDefault(id));

        public Task<IReadOnlyList<Promise>> ListForAlertAsync(long alertId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Promise>>([.. _promises.Values.Where(p => p.AlertId == alertId).OrderBy(p => p.Id)]);

        public Task<bool> MarkKeptAsync(long id, string actor, DateTimeOffset at, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<IReadOnlyList<Promise>> GetOverdueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Promise>>([]);

        public Task<bool> MarkBrokenAsync(long id, long brokenAlertId, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
