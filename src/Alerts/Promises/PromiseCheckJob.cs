using Microsoft.Extensions.Logging;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Promises;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Promises;

/// <summary>
/// Recurring job (every minute): a promise not marked kept by its due time raises its own alert in the same team,
/// one step above the original's priority.
/// </summary>
public sealed class PromiseCheckJob(
    IPromiseStore promises,
    IAlertStore alerts,
    IAlertNotifier notifier,
    TimeProvider time,
    ILogger<PromiseCheckJob> logger)
{
    private const int BatchSize = 500;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var overdue = await promises.GetOverdueAsync(now, BatchSize, cancellationToken);
        foreach (var promise in overdue)
        {
            var original = await alerts.GetAsync(promise.AlertId, cancellationToken);
            if (original is null)
            {
                continue;
            }

            var raised = await alerts.CreateAsync(
                new NewAlert
                {
                    Kind = AlertKind.BrokenPromise,
                    MentionId = original.MentionId,
                    Brand = original.Brand,
                    Team = original.Team,
                    Priority = Priorities.Raise(original.Priority),
                    Title = $"Promise not kept: {promise.Text}",
                    Reasons =
                    [
                        new Reason(ReasonCodes.PromiseBroken, $"promise #{promise.Id} was due {promise.DueAt:u}", 1f),
                        new Reason(ReasonCodes.FollowUpOf, $"alert #{original.Id}", 1f),
                    ],
                    CreatedAt = now,
                    FirstResponseDueAt = now,
                    ResolveDueAt = now,
                    Actor = "system",
                },
                cancellationToken);

            // Another host may have run the same check: the first link wins and the spare alert is dismissed.
            if (!await promises.MarkBrokenAsync(promise.Id, raised.Id, cancellationToken))
            {
                await alerts.ApplyAsync(
                    new AlertChange
                    {
                        AlertId = raised.Id,
                        ExpectedVersion = raised.Version,
                        Actor = "system",
                        At = now,
                        State = AlertState.Dismissed,
                        DismissReason = "duplicate",
                        Note = "Raised twice by concurrent checks",
                    },
                    cancellationToken);
                continue;
            }

            WorkflowLog.PromiseBroken(logger, promise.Id, original.Id, raised.Id);
            notifier.Publish(new AlertEvent(AlertEventKind.PromiseBroken, raised, now, "system", promise.Text));
        }
    }
}
