using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Routing;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Notifications;

/// <summary>
/// Turns an ingest problem that needs a person (usage cap, refused credentials) into an urgent Operator alert in
/// the default team's queue. One open alert per problem: a source that keeps failing does not flood the queue.
/// </summary>
public sealed class OperatorAlertRaiser(
    IAlertStore alerts,
    IAlertNotifier notifier,
    IOptions<RoutingOptions> routing,
    TimeProvider time) : IOperatorAlerts
{
    /// <summary>Operator alerts concern the service, not one brand.</summary>
    public const string AllBrands = "*";

    private const int MaxTitleLength = 300;

    public async Task RaiseAsync(string source, string message, CancellationToken cancellationToken)
    {
        var title = $"Source '{source}' needs attention: {message}";
        if (title.Length > MaxTitleLength)
        {
            title = title[..(MaxTitleLength - 1)] + "…";
        }

        var team = routing.Value.DefaultTeam;
        var open = await alerts.GetOpenAsync(new OpenAlertQuery { Teams = [team], Brand = AllBrands, Limit = 500 }, cancellationToken);
        if (open.Any(a => a.Kind == AlertKind.Operator && a.Title == title))
        {
            return;
        }

        var now = time.GetUtcNow();
        var alert = await alerts.CreateAsync(
            new NewAlert
            {
                Kind = AlertKind.Operator,
                Brand = AllBrands,
                Team = team,
                Priority = AlertPriority.Urgent,
                Title = title,
                Reasons = [new Reason(ReasonCodes.SourceNeedsAttention, $"source {source}", 1f)],
                CreatedAt = now,
                Actor = "system:ingest",
            },
            cancellationToken);
        notifier.Publish(new AlertEvent(AlertEventKind.Created, alert, now, "system:ingest", message));
    }
}
