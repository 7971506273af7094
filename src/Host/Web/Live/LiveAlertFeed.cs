using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Host.Web.Alerts;

namespace SocialWatch.Host.Web.Live;

/// <summary>
/// What a browser hears about a changed alert: ids and states only, never stranger-written text. The page then
/// fetches the server-rendered (encoded) rows it needs.
/// </summary>
public sealed record LiveAlertChange(long Id, string Kind, string Team, string Brand, string State, int Version, string? Actor);

/// <summary>Adapts the workflow's in-process alert event stream to per-user live feeds.</summary>
public sealed class LiveAlertFeed(IAlertEventStream events, IHostApplicationLifetime lifetime)
{
    public async IAsyncEnumerable<SseItem<LiveAlertChange>> SubscribeAsync(UserTeams scope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Open streams must not hold up a shutdown, so they end with the host as well as with the request.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        yield return new SseItem<LiveAlertChange>(new LiveAlertChange(0, "Hello", "", "", "", 0, null), "hello");
        var stream = events.Subscribe(linked.Token).WithCancellation(linked.Token).ConfigureAwait(false);
        await using var enumerator = stream.GetAsyncEnumerator();
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            var e = enumerator.Current;
            if (!TeamScope.Covers(scope, e.Alert))
            {
                continue;
            }

            yield return new SseItem<LiveAlertChange>(
                new LiveAlertChange(e.Alert.Id, e.Kind.ToString(), e.Alert.Team, e.Alert.Brand, e.Alert.State.ToString(), e.Alert.Version, e.Actor),
                "alert");
        }
    }
}
