using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Storage;
using SocialWatch.Scoring.Data;
using SocialWatch.Scoring.Evaluation;
using SocialWatch.Scoring.Features;
using SocialWatch.Scoring.Models;
using SocialWatch.Scoring.Runtime;
using SocialWatch.Scoring.Training;

namespace SocialWatch.Scoring.Retrain;

/// <summary>Whether a candidate became the promoted model, and why.</summary>
public sealed record PromotionResult(bool Promoted, string Version, string Reason);

/// <summary>What a retrain run did.</summary>
public sealed record RetrainOutcome(int FeedbackLabels, int HeldOut, string? CandidateVersion, double? CandidateQuality, double? CurrentQuality, PromotionResult? Promotion)
{
    public bool Skipped => CandidateVersion is null;

    public int OutcomeLabels { get; init; }

    /// <summary>How the candidate's escalation weights were chosen, with their held-out AUC.</summary>
    public EscalationTrainingReport? Escalation { get; init; }
}

/// <summary>
/// The retrain use case (a Hangfire job): reads all feedback labels and the escalation outcomes the product recorded,
/// holds a stable share of the feedback out, trains a candidate on the shared data plus the rest (the escalation
/// weights from feedback and outcomes, kept only when they beat the current weights on their own held-out labels),
/// scores candidate and current model on the held-out feedback, stores the candidate as a version every host can
/// read, and promotes it for the cluster only when it is better (an admin can still promote a stored one by hand).
/// A promoted model is loaded into this host's scorer at once; the other hosts pick it up on their next poll.
/// </summary>
public sealed class RetrainModelJob(
    IFeedbackStore feedbackStore,
    IEscalationOutcomeStore outcomeStore,
    SharedModels models,
    MentionScorer scorer,
    IOptions<ScoringOptions> options,
    TimeProvider timeProvider,
    ILogger<RetrainModelJob> logger)
{
    private const int PageSize = 1000;

    public async Task<RetrainOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var labels = await ReadAllAsync(cancellationToken);
        var outcomes = await outcomeStore.GetAsync(new EscalationOutcomeQuery
        {
            MinInteractions = settings.OutcomeMinInteractions,
            ReachShare = settings.OutcomeReachShare,
            ContextWindow = settings.OutcomeContextWindow,
        }, cancellationToken);

        // A dismissal is recorded both as a feedback label (text only) and as an outcome (with context): count it once.
        var withOutcome = outcomes.Select(o => o.MentionId).ToHashSet();
        var train = new List<LabeledMention>();
        var heldOut = new List<LabeledMention>();
        foreach (var label in labels)
        {
            var row = new LabeledMention(new ScoringInput(label.Text))
            {
                Sentiment = label.Sentiment,
                Complaint = label.Complaint,
                Escalate = label.MentionId is { } mentionId && withOutcome.Contains(mentionId) ? null : label.Escalate,
                Origin = "feedback:" + label.Origin,
            };
            (IsHeldOut(label.Text, settings.HeldOutEvery) ? heldOut : train).Add(row);
        }

        if (heldOut.Count < settings.MinHeldOutLabels)
        {
            ScoringLog.RetrainSkipped(logger, heldOut.Count, settings.MinHeldOutLabels);
            return new RetrainOutcome(labels.Count, heldOut.Count, null, null, null, null) { OutcomeLabels = outcomes.Count };
        }

        var candidateDirectory = models.NewCandidateDirectory();
        var trainer = new ModelTrainer(timeProvider);
        var request = new TrainRequest(candidateDirectory)
        {
            DataDirectory = settings.TrainingDataDirectory,
            MaxRowsPerFile = settings.RetrainMaxRowsPerFile,
            HashBits = scorer.Model.HashBits,
            BaselineDirectory = scorer.Directory,
        };
        var outcomeRows = outcomes
            .Select(o => new LabeledMention(o.Input) { Escalate = o.Escalate, Origin = "outcome:" + o.Kind })
            .ToList();
        var result = await Task.Run(
            () => trainer.Train(request, train, outcomeRows, null, problem => ScoringLog.FeedbackProblem(logger, 0, problem), cancellationToken),
            cancellationToken);

        var candidate = ScoringModel.Load(candidateDirectory);
        var candidateQuality = ModelEvaluator.Evaluate(candidate, heldOut, "held-out feedback").Quality;
        var current = scorer.Model;
        var currentQuality = ModelEvaluator.Evaluate(current, heldOut, "held-out feedback").Quality;
        ScoringLog.CandidateTrained(logger, result.Version, train.Count, candidateQuality, currentQuality);

        PromotionResult promotion;
        try
        {
            await models.PublishAsync(candidateDirectory, "retrain", cancellationToken);
            promotion = await PromoteIfBetterAsync(result.Version, candidateQuality, current.Version, currentQuality, cancellationToken);
        }
        finally
        {
            // The candidate now lives in the database; a promoted one is unpacked again into the cache under its version.
            Directory.Delete(candidateDirectory, recursive: true);
        }

        return new RetrainOutcome(labels.Count, heldOut.Count, result.Version, candidateQuality, currentQuality, promotion)
        {
            OutcomeLabels = outcomes.Count,
            Escalation = result.Escalation,
        };
    }

    private async Task<PromotionResult> PromoteIfBetterAsync(string version, double candidateQuality, string currentVersion, double currentQuality, CancellationToken cancellationToken)
    {
        string? refusal = null;
        if (double.IsNaN(candidateQuality))
        {
            refusal = "the candidate has no measurable quality on the held-out labels";
        }
        else if (!(candidateQuality > currentQuality) && !double.IsNaN(currentQuality))
        {
            refusal = string.Create(CultureInfo.InvariantCulture,
                $"held-out quality {candidateQuality:0.0000} is not above the current model's {currentQuality:0.0000} ({currentVersion})");
        }
        else if (version == currentVersion)
        {
            refusal = "it is already the current model";
        }

        if (refusal is not null)
        {
            ScoringLog.Refused(logger, version, refusal);
            return new PromotionResult(false, version, refusal);
        }

        await models.PromoteAsync(version, "retrain", cancellationToken);
        return new PromotionResult(true, version, string.Create(CultureInfo.InvariantCulture,
            $"held-out quality {candidateQuality:0.0000} > {currentQuality:0.0000} ({currentVersion})"));
    }

    private async Task<List<FeedbackLabel>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var all = new List<FeedbackLabel>();
        var after = 0L;
        while (true)
        {
            var page = await feedbackStore.GetAsync(after, PageSize, cancellationToken);
            foreach (var label in page)
            {
                if (string.IsNullOrWhiteSpace(label.Text) || label.Text.Length > Core.Mentions.MentionLines.MaxTextLength)
                {
                    ScoringLog.FeedbackProblem(logger, label.Id, "text empty or over the length limit; skipped");
                    continue;
                }

                all.Add(label);
            }

            if (page.Count < PageSize)
            {
                return all;
            }

            after = page[^1].Id;
        }
    }

    /// <summary>Stable across runs, so a label held out once is never trained on later.</summary>
    internal static bool IsHeldOut(string text, int every) =>
        FeatureHash.Mix(FeatureHash.Token(text)) % (ulong)every == 0;
}
