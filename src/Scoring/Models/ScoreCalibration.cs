namespace SocialWatch.Scoring.Models;

/// <summary>
/// calibration.json beside the models: how raw model outputs become the probabilities people read, and the cost
/// rule the complaint decision threshold follows. Fitted by `train` on a held-out split of its own training rows,
/// never on an evaluation set. A model directory without the file serves the models' own outputs (the logistic
/// link and plain softmax), as models trained before calibration did.
/// </summary>
internal sealed class ScoreCalibration
{
    /// <summary>P(complaint) = 1 / (1 + exp(slope · raw + offset)); raw is the complaint model's linear score.</summary>
    public double ComplaintSlope { get; set; } = -1;

    public double ComplaintOffset { get; set; }

    /// <summary>Sentiment probabilities are softmax(logits / temperature).</summary>
    public double SentimentTemperature { get; set; } = 1;

    /// <summary>Cost of a complaint the queue never shows, in units of one dismissed non-complaint.</summary>
    public double MissedComplaintCost { get; set; } = 4;

    public double DismissedComplaintCost { get; set; } = 1;

    /// <summary>Rows of the held-out training split the calibration was fitted on (0: not fitted, identity).</summary>
    public int FittedRows { get; set; }

    public int FittedComplaintRows { get; set; }

    public int FittedComplaintPositives { get; set; }

    /// <summary>
    /// Flag a mention as a complaint when its calibrated probability reaches this: expected cost of flagging,
    /// (1 − p) · dismissed cost, is then at most the expected cost of not flagging, p · missed cost.
    /// </summary>
    public double ComplaintThreshold => DismissedComplaintCost / (DismissedComplaintCost + MissedComplaintCost);

    public static ScoreCalibration Identity() => new();
}
