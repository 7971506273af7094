using SocialWatch.Alerts.Notifications;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;

namespace SocialWatch.Alerts.Workflow;

public enum DismissReason
{
    NotAComplaint,
    WrongSentiment,
    Spam,
    Duplicate,
}

/// <param name="CorrectSentiment">What the sentiment really is; required for <see cref="DismissReason.WrongSentiment"/>.</param>
public sealed record DismissCommand(AlertCommand Alert, DismissReason Reason, SentimentLabel? CorrectSentiment = null);

/// <summary>
/// An agent rules an alert out. The reason becomes a feedback label on the mention so the next retrain learns from
/// the mistake; a duplicate carries no label because the scores of the copy were not wrong.
/// </summary>
public sealed class DismissAlert(IAlertStore alerts, IMentionStore mentions, IFeedbackStore feedback, IAlertNotifier notifier, TimeProvider time)
{
    public async Task<Alert> ExecuteAsync(DismissCommand command, CancellationToken cancellationToken)
    {
        if (command.Reason == DismissReason.WrongSentiment && command.CorrectSentiment is null)
        {
            throw new InvalidAlertCommandException(
                command.Alert.AlertId, AlertCommandProblem.CorrectSentimentMissing, "A wrong-sentiment dismissal needs the correct sentiment.");
        }

        var now = time.GetUtcNow();
        var reasonText = ReasonText(command.Reason);
        var updated = await AlertTransition.RunAsync(
            alerts,
            notifier,
            now,
            command.Alert with { Note = command.Alert.Note ?? $"Dismissed: {reasonText}" },
            AlertState.Dismissed,
            (_, change) => change with { DismissReason = reasonText },
            cancellationToken);

        if (LabelFor(command) is { } label && updated.MentionId is { } mentionId)
        {
            var stored = await mentions.GetMentionAsync(mentionId, cancellationToken);
            if (stored is { Redacted: false })
            {
                await feedback.AddAsync(
                    label with
                    {
                        Text = stored.Mention.Text,
                        Brand = updated.Brand,
                        MentionId = mentionId,
                        Actor = command.Alert.Actor,
                        CreatedAt = now,
                    },
                    cancellationToken);
            }
        }

        return updated;
    }

    public static string ReasonText(DismissReason reason) => reason switch
    {
        DismissReason.NotAComplaint => "not-a-complaint",
        DismissReason.WrongSentiment => "wrong-sentiment",
        DismissReason.Spam => "spam",
        DismissReason.Duplicate => "duplicate",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    internal static FeedbackLabel? LabelFor(DismissCommand command) => command.Reason switch
    {
        DismissReason.NotAComplaint => new FeedbackLabel { Text = "", Complaint = false, Escalate = false, Origin = "dismissal" },
        DismissReason.Spam => new FeedbackLabel { Text = "", Complaint = false, Escalate = false, Origin = "dismissal" },
        DismissReason.WrongSentiment => new FeedbackLabel { Text = "", Sentiment = command.CorrectSentiment, Origin = "dismissal" },
        _ => null,
    };
}
