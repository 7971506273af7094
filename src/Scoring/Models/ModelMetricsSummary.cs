using System.Text.Json;

namespace SocialWatch.Scoring.Models;

/// <summary>
/// The few numbers a version is judged by at a glance, read from its metrics.json: the model's report on the labelled
/// development set (else its first report), sentiment accuracy, complaint macro-F1 and AUC, escalation AUC.
/// </summary>
public sealed record ModelMetricsSummary(string? Set, double? SentimentAccuracy, double? ComplaintMacroF1, double? ComplaintAuc, double? EscalationAuc)
{
    private const string PreferredSet = "dev-set";

    public static readonly ModelMetricsSummary None = new(null, null, null, null, null);

    /// <summary>Null, unreadable or report-less metrics give <see cref="None"/>: a listing shows dashes, never fails.</summary>
    public static ModelMetricsSummary Parse(string? metricsJson)
    {
        if (string.IsNullOrWhiteSpace(metricsJson))
        {
            return None;
        }

        try
        {
            using var document = JsonDocument.Parse(metricsJson);
            if (!document.RootElement.TryGetProperty("reports", out var reports) || reports.ValueKind != JsonValueKind.Array)
            {
                return None;
            }

            // VADER's baseline reports sit beside the model's; only the model's own count.
            var own = reports.EnumerateArray()
                .Where(r => r.ValueKind == JsonValueKind.Object && Text(r, "scorer") is { } scorer && scorer.StartsWith("model", StringComparison.Ordinal))
                .ToList();
            if (own.Count == 0)
            {
                return None;
            }

            var report = own.FirstOrDefault(r => Text(r, "set") == PreferredSet);
            if (report.ValueKind == JsonValueKind.Undefined)
            {
                report = own[0];
            }

            return new ModelMetricsSummary(
                Text(report, "set"),
                Number(report, "sentiment", "accuracy"),
                Number(report, "complaint", "macroF1"),
                Number(report, "complaint", "auc"),
                Number(report, "escalation", "auc"));
        }
        catch (JsonException)
        {
            return None;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement report, string section, string name) =>
        report.TryGetProperty(section, out var s) && s.ValueKind == JsonValueKind.Object
            && s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && !double.IsNaN(d)
            ? d
            : null;
}
