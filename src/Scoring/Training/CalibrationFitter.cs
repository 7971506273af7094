using SocialWatch.Scoring.Features;
using SocialWatch.Scoring.Models;

namespace SocialWatch.Scoring.Training;

/// <summary>
/// Fits the calibration on raw scores of rows the models were not trained on: Platt scaling (a two-parameter
/// logistic regression on the complaint score, Newton's method) and one temperature for the sentiment softmax
/// (golden-section search on the log-loss). Both keep the ranking, so AUC is unchanged; only the probabilities move.
/// </summary>
internal static class CalibrationFitter
{
    /// <summary>Below this many held-out complaint rows of either class the fit is not trusted and the identity is kept.</summary>
    public const int MinPerClass = 20;

    public static (double Slope, double Offset)? FitPlatt(IReadOnlyList<double> raw, IReadOnlyList<bool> label, IReadOnlyList<double> weight)
    {
        double positives = 0, negatives = 0;
        for (var i = 0; i < label.Count; i++)
        {
            if (label[i])
            {
                positives++;
            }
            else
            {
                negatives++;
            }
        }

        if (positives < MinPerClass || negatives < MinPerClass)
        {
            return null;
        }

        // Platt's smoothed targets keep the fit finite when the scores separate the classes.
        var hi = (positives + 1) / (positives + 2);
        var lo = 1 / (negatives + 2);
        double Loss(double a, double b)
        {
            var sum = 0.0;
            for (var i = 0; i < raw.Count; i++)
            {
                var u = (a * raw[i]) + b;
                var t = label[i] ? hi : lo;
                // −log p = log(1 + e^u), −log(1 − p) = log(1 + e^−u), written to stay finite for large |u|.
                var softplus = u > 0 ? u + Math.Log(1 + Math.Exp(-u)) : Math.Log(1 + Math.Exp(u));
                sum += weight[i] * ((t * softplus) + ((1 - t) * (softplus - u)));
            }

            return sum;
        }

        double slope = -1, offset = 0; // start at the logistic link the model was trained with
        var loss = Loss(slope, offset);
        const double Ridge = 1e-9;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double g0 = 0, g1 = 0, h00 = Ridge, h01 = 0, h11 = Ridge;
            for (var i = 0; i < raw.Count; i++)
            {
                var p = 1 / (1 + Math.Exp((slope * raw[i]) + offset));
                var t = label[i] ? hi : lo;
                var w = weight[i];
                // For p = 1/(1+exp(a·x+b)) the loss gradient is Σ w(t − p)·(x, 1) and the Hessian Σ w·p(1 − p)·(x, 1)(x, 1)ᵀ.
                var d = w * (t - p);
                g0 += d * raw[i];
                g1 += d;
                var h = w * p * (1 - p);
                h00 += h * raw[i] * raw[i];
                h01 += h * raw[i];
                h11 += h;
            }

            var det = (h00 * h11) - (h01 * h01);
            if (!(det > 0))
            {
                break;
            }

            var da = ((h11 * g0) - (h01 * g1)) / det;
            var db = ((h00 * g1) - (h01 * g0)) / det;
            // Newton's step, halved until the loss goes down (a full step can overshoot far from the optimum).
            var step = 1.0;
            var improved = false;
            while (step > 1e-6)
            {
                var candidate = Loss(slope - (step * da), offset - (step * db));
                if (candidate <= loss)
                {
                    slope -= step * da;
                    offset -= step * db;
                    improved = loss - candidate > 1e-12 * Math.Max(1, loss);
                    loss = candidate;
                    break;
                }

                step /= 2;
            }

            if (!improved)
            {
                break;
            }
        }

        var a = slope;
        var b = offset;
        return double.IsFinite(a) && double.IsFinite(b) && a < 0 ? (a, b) : null;
    }

    /// <summary>The temperature in [0.25, 4] that minimises the weighted log-loss of softmax(logits / T).</summary>
    public static double FitTemperature(IReadOnlyList<(float N, float U, float P)> logits, IReadOnlyList<int> label, IReadOnlyList<double> weight)
    {
        if (logits.Count < 3 * MinPerClass)
        {
            return 1;
        }

        double Loss(double temperature)
        {
            var sum = 0.0;
            for (var i = 0; i < logits.Count; i++)
            {
                var (n, u, p) = logits[i];
                double z0 = n / temperature, z1 = u / temperature, z2 = p / temperature;
                var max = Math.Max(z0, Math.Max(z1, z2));
                var log = max + Math.Log(Math.Exp(z0 - max) + Math.Exp(z1 - max) + Math.Exp(z2 - max));
                var mine = label[i] switch { 0 => z0, 1 => z1, _ => z2 };
                sum += weight[i] * (log - mine);
            }

            return sum;
        }

        // Golden-section search on log T: the loss is unimodal in the temperature for a fixed model.
        double lo = Math.Log(0.25), hi = Math.Log(4);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var x1 = hi - (ratio * (hi - lo));
        var x2 = lo + (ratio * (hi - lo));
        double f1 = Loss(Math.Exp(x1)), f2 = Loss(Math.Exp(x2));
        for (var i = 0; i < 40; i++)
        {
            if (f1 < f2)
            {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - (ratio * (hi - lo));
                f1 = Loss(Math.Exp(x1));
            }
            else
            {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + (ratio * (hi - lo));
                f2 = Loss(Math.Exp(x2));
            }
        }

        return Math.Exp((lo + hi) / 2);
    }

    /// <summary>One row in <see cref="HeldOutEvery"/>, chosen by a stable hash of its text, is kept for calibration.</summary>
    public const int HeldOutEvery = 10;

    // Remainder 3 of 10 is remainder 3 of 5, so it never takes the escalation fitter's held-out rows (remainder 0).
    public static bool IsCalibrationRow(string text) => FeatureHash.Mix(FeatureHash.Token(text)) % HeldOutEvery == 3;

    public static ScoreCalibration Identity(ScoreCalibration costs) => new()
    {
        MissedComplaintCost = costs.MissedComplaintCost,
        DismissedComplaintCost = costs.DismissedComplaintCost,
    };
}
