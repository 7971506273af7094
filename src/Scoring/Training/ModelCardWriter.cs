using System.Globalization;
using System.Text;
using SocialWatch.Scoring.Evaluation;
using SocialWatch.Scoring.Features;
using SocialWatch.Scoring.Models;

namespace SocialWatch.Scoring.Training;

/// <summary>Writes MODEL_CARD.md from the numbers the training run measured.</summary>
internal static class ModelCardWriter
{
    public static string Write(ModelManifest manifest, ModelMetricsFile metrics, EscalationModel escalation, TrainRequest request)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# SocialWatch scoring models — {manifest.Version}");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Trained {manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC by `train` (ML.NET, seed {manifest.Seed}). " +
            $"{metrics.TrainingRows:N0} training rows, of which {metrics.FeedbackRows:N0} in-domain feedback labels (weight {request.FeedbackWeight}).");
        sb.AppendLine();
        sb.AppendLine("## Models");
        sb.AppendLine("- **Sentiment** (`sentiment.zip`): L-BFGS maximum-entropy (multinomial logistic regression) over negative / neutral / positive; softmax probabilities (temperature-scaled on held-out training rows) sum to 1.");
        sb.AppendLine("- **Complaint** (`complaint.zip`): L-BFGS logistic regression, Platt-calibrated on held-out training rows (`calibration.json`): P(complaint addressed to the brand).");
        sb.AppendLine("- **Escalation** (`escalation.json`): interpretable logistic model over named risk features; every term above 0.35 of the logit is a readable reason.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  Weights: {escalation.Source}. Levels: low < {EscalationModel.MediumThreshold} ≤ medium < {EscalationModel.HighThreshold} ≤ high < {EscalationModel.CriticalThreshold} ≤ critical.");
        sb.AppendLine();
        sb.AppendLine("| feature | weight | input |");
        sb.AppendLine("|---|---:|---|");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| bias | {escalation.Bias:0.###} | |");
        for (var i = 0; i < EscalationModel.FeatureNames.Length; i++)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {EscalationModel.FeatureNames[i]} | {escalation.Weights[i]:0.###} | {Describe(EscalationModel.FeatureNames[i])} |");
        }

        sb.AppendLine();
        AppendEscalationTraining(sb, metrics.Escalation);
        sb.AppendLine();
        sb.AppendLine("## Features");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Own featurizer (`{manifest.Featurizer}`), shared by training and serving: lower-cased tokens with URLs, @handles and numbers replaced by placeholders, " +
            $"elongations squashed (\"sooo\" = \"soo\"); hashed word unigrams and bigrams and character trigrams of words into 2^{manifest.HashBits} slots, " +
            $"a second, negated unigram for words after a negation up to the next punctuation (\"no complaints\", \"can't fault\") and a contrast unigram for words after \"but\", \"however\", \"though\", \"although\", all scaled by 1/sqrt(count); " +
            $"plus {DenseFeatures.Count} cue features ({string.Join(", ", DenseFeatures.Names)}). Only the first {TextFeaturizer.MaxChars:N0} characters are read.");
        sb.AppendLine();
        sb.AppendLine("## Training data and credits");
        sb.AppendLine("- Figure Eight \"Data for Everyone\", Kaggle *Tweet Sentiment Extraction* (2020), CC BY 4.0: `train.csv` for training, `test.csv` held out.");
        sb.AppendLine("- Demszky et al., *GoEmotions: A Dataset of Fine-Grained Emotions*, ACL 2020, Apache-2.0: `train` split for training, `test` split held out; sentiment from the `group` labels (ambiguous and mixed rows have no sentiment label).");
        sb.AppendLine("- Hutto & Gilbert, *VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text*, ICWSM 2014, MIT: the lexicon drives the VADER baseline below (not the models).");
        sb.AppendLine("- In-domain feedback labels passed with `--feedback` (agents' corrections and dismissals), weighted above generic rows.");
        sb.AppendLine();
        sb.AppendLine("**Complaint target is weak supervision** (no public data labels brand complaints): a GoEmotions comment counts as a complaint when annotated with anger, annoyance, " +
            "disappointment, disapproval or disgust; a tweet counts when labelled negative *and* it carries a service, blame, accusation, churn, repetition, legal or duration cue, or when it is not positive and carries a legal, accusation or discrimination cue; " +
            "all other rows are non-complaints; feedback `complaint` labels are used as given. " +
            string.Create(CultureInfo.InvariantCulture, $"{metrics.ComplaintRows:N0} complaint rows, {metrics.ComplaintPositives:N0} positive."));
        sb.AppendLine();
        sb.AppendLine("## Metrics (held out; measured by this training run)");
        sb.AppendLine("AUC for sentiment is negative-vs-rest (VADER ranks by −compound). VADER labels use the published ±0.05 compound thresholds.");
        sb.AppendLine();
        if (metrics.Calibration is { } cal)
        {
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"Calibration (`calibration.json`), fitted on {cal.FittedRows:N0} generic training rows kept out of training (one in {CalibrationFitter.HeldOutEvery} by a stable hash of the text; " +
                $"{cal.FittedComplaintRows:N0} complaint rows, {cal.FittedComplaintPositives:N0} positive): complaint Platt slope {cal.ComplaintSlope:0.###}, offset {cal.ComplaintOffset:0.###}; " +
                $"sentiment softmax temperature {cal.SentimentTemperature:0.###}. Complaint threshold {cal.ComplaintThreshold:0.00} from the cost rule: a missed complaint costs {cal.MissedComplaintCost:0.##}, " +
                $"a dismissed non-complaint {cal.DismissedComplaintCost:0.##}, so a mention is flagged when p · {cal.MissedComplaintCost:0.##} ≥ (1 − p) · {cal.DismissedComplaintCost:0.##}."));
            sb.AppendLine();
        }

        sb.AppendLine("ECE: expected calibration error, 10 equal-width bins (sentiment: probability of the predicted label). Complaint F1 and macro-F1 at 0.5 and at the cost threshold.");
        sb.AppendLine();
        sb.AppendLine("| set | scorer | n | accuracy | macro-F1 | AUC neg-vs-rest | sentiment ECE | complaint AUC | complaint F1 | complaint macro-F1 | complaint ECE | complaint macro-F1 @threshold | escalation AUC |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in metrics.Reports)
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Set} | {r.Scorer} | {r.Count} | {F(r.Sentiment?.Accuracy)} | {F(r.Sentiment?.MacroF1)} | {F(r.Sentiment?.NegativeAuc)} | {F(r.Sentiment?.Ece)} | {F(r.Complaint?.Auc)} | {F(r.Complaint?.F1)} | {F(r.Complaint?.MacroF1)} | {F(r.Complaint?.Ece)} | {F(r.ComplaintAtThreshold?.MacroF1)} | {F(r.Escalation?.Auc)} |");
        }

        sb.AppendLine();
        foreach (var r in metrics.Reports.Where(r => r.Sentiment is not null && !r.Scorer.StartsWith("VADER", StringComparison.Ordinal)))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"Confusion on {r.Set} (rows actual, columns predicted):");
            sb.AppendLine("```");
            sb.Append(r.Sentiment!.ConfusionText());
            sb.AppendLine("```");
        }

        sb.AppendLine();
        sb.AppendLine("## Known limits");
        sb.AppendLine("- English only; cue lists are English. Other languages get the hashed features alone.");
        sb.AppendLine("- Domain gap: the training text is generic tweets and Reddit comments. Brand complaints that read neutral word by word (\"@brand 3 hours on hold, again\") rely on the cue features and on feedback labels; see the in-domain rows above, measured on a small invented set, not on real customers.");
        sb.AppendLine("- Complaint probabilities are calibrated to the weak target, not to agents' judgement, until enough feedback has been trained in.");
        sb.AppendLine("- Escalation defaults are hand-set (documented above) until there are enough `escalate` labels; a weight is learned only when at least 5% of the training labels exercise its feature (text-only feedback teaches the text cues; reach, velocity and history need outcome labels or feedback lines with that context).");
        sb.AppendLine("- Sarcasm, quoted complaints about other brands and non-text content (images, video) are not understood.");
        sb.AppendLine();
        AppendProjection(sb);
        return sb.ToString();
    }

    private static void AppendProjection(StringBuilder sb)
    {
        sb.AppendLine("## Projected reach (not trained)");
        sb.AppendLine("The +24 h reach shown on alerts and the dashboard is not one of these models: it is fitted per post from its own engagement snapshots " +
            "(a power-law decay of the interaction rate after SEISMIC's memory kernel, with a 90% interval). Its method and its error measured on simulated cascades " +
            "are in `docs/spread.md`; `dotnet run -c Release --project bench/SocialWatch.Benchmarks -- projection` measures it again.");
    }

    private static void AppendEscalationTraining(StringBuilder sb, EscalationTrainingReport? r)
    {
        sb.AppendLine("### How the escalation weights are learned");
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"L2-regularised logistic regression (Newton's method) over the named features above, from feedback `escalate` labels and outcome labels " +
            $"(`--outcomes`, or the outcomes the product records: alerts a person raised in priority, mentions that went on to large engagement, alerts dismissed as not a risk). " +
            $"One label in {EscalationFitter.HeldOutEvery} (by a stable hash of its text) is held out; the learned weights are kept only when their escalation AUC on the held-out labels " +
            $"is not below the defaults' nor the current weights'. Fewer than {EscalationFitter.MinLabels} labels (or fewer than {EscalationFitter.MinPerClass} of either class) keep the weights as they are."));
        sb.AppendLine();
        if (r is null || r.Labels == 0)
        {
            sb.AppendLine("This run had no escalate labels: the weights above are the documented defaults.");
            return;
        }

        sb.AppendLine("| labels | escalate | feedback | outcomes | trained on | held out (escalate) | learned AUC | defaults AUC | current AUC | weights used |");
        sb.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"| {r.Labels} | {r.Positives} | {r.FeedbackLabels} | {r.OutcomeLabels} | {r.TrainRows} | {r.HeldOutRows} ({r.HeldOutPositives}) | {F(r.LearnedAuc)} | {F(r.DefaultsAuc)} | {F(r.CurrentAuc)} | {r.Chosen} |");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Decision: {r.Chosen} weights, because {r.Reason}.");
        if (r.LearnedFeatures.Count > 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"Features the labels exercised (learned): {string.Join(", ", r.LearnedFeatures)}.");
        }
    }

    private static string Describe(string feature) => feature switch
    {
        "legal" => "legal-threat cue present (lawyer, sue, small claims…)",
        "safety" => "safety cue present (fire, injury, food poisoning…)",
        "churn" => "churn cue present (cancel, switching to, never again…)",
        "media" => "going-public cue present (press, viral, journalist…)",
        "discrimination" => "discrimination cue present",
        "blame" => "blame on staff (rude, your staff, manager…), 0..1",
        "accusation" => "accusation (scam, fraud, lied…), 0..1",
        "intensity" => "capitals, profanity, exclamation, 0..1",
        "negative" => "P(negative)",
        "complaint" => "P(complaint)",
        "reach" => "max(0, log10(followers+1) − 2)",
        "verified" => "author verified",
        "engagement" => "max(0, log10(total engagement+1) − 1)",
        "velocity" => "clamp(log2(240 min / doubling time), 0, 4)",
        "repostRate" => "log10(1 + reposts per hour)",
        "history7d" => "earlier complaints to the brand in 7 days, capped at 3",
        "history30d" => "earlier complaints in 30 days / 10, capped at 1",
        _ => "",
    };

    private static string F(double? v) => v is { } d && !double.IsNaN(d) ? d.ToString("0.000", CultureInfo.InvariantCulture) : "–";
}
