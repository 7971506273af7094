using SocialWatch.Scoring.Batch;

namespace SocialWatch.Scoring.Data;

/// <summary>Reads labelled JSONL or CSV (feedback exports, evaluation sets). Bad records are reported and skipped.</summary>
internal static class LabeledFiles
{
    public static List<LabeledMention> Read(string path, Action<string> onProblem, string origin, float weight = 1f)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Labelled file '{path}' does not exist.", path);
        }

        using var stream = File.OpenRead(path);
        if (stream.Length == 0)
        {
            throw new InvalidDataException($"Labelled file '{path}' is empty.");
        }

        var result = new List<LabeledMention>();
        foreach (var record in InputReaders.Read(stream, InputReaders.IsCsv(path), onProblem))
        {
            var parsed = record.Parse();
            if (parsed.Mention is not { } m)
            {
                onProblem($"{Path.GetFileName(path)}: {parsed.Error}");
                continue;
            }

            if (m.Sentiment is null && m.Complaint is null && m.Escalate is null)
            {
                onProblem($"{Path.GetFileName(path)}: line {record.Line}: no label (sentiment, complaint or escalate); skipped");
                continue;
            }

            result.Add(m with { Origin = origin, Weight = weight });
        }

        return result;
    }
}
