using System.Globalization;
using SocialWatch.Core.Mentions;

namespace SocialWatch.Ingest.Push;

/// <summary>What a replay did, line by line.</summary>
public sealed record ReplayResult(int Lines, int Invalid, int Stored, int Duplicates, int Filtered);

/// <summary>
/// The <c>replay</c> verb: reads a JSONL file of mentions and pushes them through the whole pipeline as if a source had
/// returned them. Bad lines are reported with their line number and skipped; good lines are stored in batches.
/// </summary>
public sealed class MentionReplay(MentionInputMapper mapper, MentionIntake intake)
{
    public const string Channel = "replay";
    private const int BatchSize = 1_000;

    public async Task<ReplayResult> ReplayAsync(TextReader input, string? brand, TextWriter errors, CancellationToken cancellationToken)
    {
        var batch = new List<MappedMention>(BatchSize);
        int lines = 0, invalid = 0, stored = 0, duplicates = 0, filtered = 0;
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            lines++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var read = MentionLines.Read(line);
            if (read.Line is not { } item)
            {
                invalid++;
                await errors.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"line {lines}: {read.JsonError}"));
                continue;
            }

            var (mapped, error) = await mapper.MapAsync(item, lines, brand, Channel, cancellationToken, allowPollerSources: true);
            if (error is not null)
            {
                invalid++;
                await errors.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"line {lines}: {string.Join(" ", error.Errors)}"));
                continue;
            }

            batch.Add(mapped!);
            if (batch.Count == BatchSize)
            {
                (stored, duplicates, filtered) = Add(await intake.IngestAsync(batch, Channel, cancellationToken), stored, duplicates, filtered);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            (stored, duplicates, filtered) = Add(await intake.IngestAsync(batch, Channel, cancellationToken), stored, duplicates, filtered);
        }

        return new ReplayResult(lines, invalid, stored, duplicates, filtered);
    }

    private static (int, int, int) Add(IntakeResult result, int stored, int duplicates, int filtered) =>
        (stored + result.Stored, duplicates + result.Duplicates, filtered + result.Filtered);
}
