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
/// scores candidate and current model on the held-out feedback, and promotes the candidate only when it is better.
/// A promoted model is loaded into the running scorer at once.
/// </summary>
public sealed class RetrainModelJob(
    IFeedbackStore feedbackStore,
    IEscalationOutcomeStore outcomeStore,
    ModelRepository repository,
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

        var candidateDirectory = repository.NewCandidateDirectory();
        var trainer = new ModelTrainer(timeProvider);
        var request = new TrainRequest(candidateDirectory)
        {
            DataDirectory = settings.TrainingDataDirectory,
            MaxRowsPerFile = settings.RetrainMaxRowsPerFile,
            HashBits = scorer.Model.HashBits,
            BaselineDirectory = repository.CurrentVersion is null ? null : repository.CurrentDirectory,
        };
        var outcomeRows = outcomes
            .Select(o => new LabeledMention(o.Input) { Escalate = o.Escalate, Origin = "outcome:" + o.Kind })
            .ToList();
        var result = await Task.Run(
            () => trainer.Train(request, train, outcomeRows, null, problem => ScoringLog.FeedbackProblem(logger, 0, problem), cancellationToken),
            cancellationToken);

        var candidate = ScoringModel.Load(candidateDirectory);
        var candidateQuality = ModelEvaluator.Evaluate(candidate, heldOut, "held-out feedback").Quality;
        double? currentQuality = repository.CurrentVersion is null
            ? null
            : ModelEvaluator.Evaluate(scorer.Model, heldOut, "held-out feedback").Quality;
        ScoringLog.CandidateTrained(logger, result.Version, train.Count, candidateQuality, currentQuality ?? double.NaN);

        var promotion = repository.Promote(candidateDirectory, candidateQuality, currentQuality);
        if (promotion.Promoted)
        {
            scorer.Reload();
        }

        return new RetrainOutcome(labels.Count, heldOut.Count, result.Version, candidateQuality, currentQuality, promotion)
        {
            OutcomeLabels = outcomes.Count,
            Escalation = result.Escalation,
        };
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
