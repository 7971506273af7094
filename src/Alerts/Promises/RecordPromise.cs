using SocialWatch.Alerts.Workflow;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Promises;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Promises;

public sealed record RecordPromiseCommand(AlertCommand Alert, string Text, DateTimeOffset DueAt);

/// <summary>An agent records a promise made to the customer; it is written to the alert's audit trail too.</summary>
public sealed class RecordPromise(IAlertStore alerts, IPromiseStore promises, TimeProvider time)
{
    public const int MaxTextLength = 1000;

    public async Task<Promise> ExecuteAsync(RecordPromiseCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Text) || command.Text.Length > MaxTextLength)
        {
            throw new InvalidAlertCommandException(
                command.Alert.AlertId, AlertCommandProblem.PromiseTextLength, $"A promise needs a text of 1 to {MaxTextLength} characters.");
        }

        var now = time.GetUtcNow();
        if (command.DueAt <= now)
        {
            throw new InvalidAlertCommandException(command.Alert.AlertId, AlertCommandProblem.PromiseDueInThePast, "A promise must be due in the future.");
        }

        var alert = await AlertLoader.LoadAsync(alerts, command.Alert, cancellationToken);
        if (!alert.IsOpen)
        {
            throw new AlertClosedException(alert.Id);
        }

        // The audit entry goes first: it checks the version, so a stale agent records nothing.
        await alerts.ApplyAsync(
            new AlertChange
            {
                AlertId = alert.Id,
                ExpectedVersion = command.Alert.ExpectedVersion,
                Actor = command.Alert.Actor,
                At = now,
                Note = $"Promise due {command.DueAt:u}: {command.Text}",
            },
            cancellationToken);
        return await promises.AddAsync(
            new Promise
            {
                AlertId = alert.Id,
                Text = command.Text,
                DueAt = command.DueAt,
                CreatedBy = command.Alert.Actor,
                CreatedAt = now,
            },
            cancellationToken);
    }
}
