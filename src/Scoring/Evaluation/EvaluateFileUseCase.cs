using SocialWatch.Scoring.Data;
using SocialWatch.Scoring.Models;
using SocialWatch.Scoring.Vader;

namespace SocialWatch.Scoring.Evaluation;

/// <summary>The `evaluate` verb: scores a labelled JSONL (or CSV) file with a model, and with VADER when its lexicon is at hand.</summary>
public static class EvaluateFileUseCase
{
    public static IReadOnlyList<EvaluationReport> Run(string modelDirectory, string labeledPath, string? vaderLexiconPath, Action<string> onProblem)
    {
        var model = ScoringModel.Load(modelDirectory);
        var rows = LabeledFiles.Read(labeledPath, onProblem, "eval");
        if (rows.Count == 0)
        {
            throw new InvalidDataException($"'{labeledPath}' has no labelled rows to evaluate.");
        }

        var name = Path.GetFileName(labeledPath);
        var reports = new List<EvaluationReport> { ModelEvaluator.Evaluate(model, rows, name) };
        if (vaderLexiconPath is not null && File.Exists(vaderLexiconPath))
        {
            reports.Add(ModelEvaluator.EvaluateVader(new VaderAnalyzer(VaderLexicon.Load(vaderLexiconPath)), rows, name));
        }

        return reports;
    }
}
