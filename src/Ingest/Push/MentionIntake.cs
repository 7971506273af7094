using Microsoft.Extensions.Logging;
using SocialWatch.Core.Storage;
using SocialWatch.Ingest.Pipeline;

namespace SocialWatch.Ingest.Push;

/// <summary>Counts of one intake call.</summary>
public sealed record IntakeResult(int Received, int Stored, int Duplicates, int Filtered);

/// <summary>
/// Feeds mentions that arrive from outside a poll (push endpoint, replay verb) through the same pipeline as polled ones,
/// one page per brand. These channels have no cursor: the store's dedupe makes a resend harmless.
/// </summary>
public sealed class MentionIntake(MentionPipeline pipeline, ILogger<MentionIntake> logger)
{
    /// <param name="channel">"push" or "replay"; with the brand it forms the key the pages are stored under.</param>
    public async Task<IntakeResult> IngestAsync(IReadOnlyList<MappedMention> mentions, string channel, CancellationToken cancellationToken)
    {
        int stored = 0, duplicates = 0, filtered = 0;
        foreach (var group in mentions.GroupBy(m => m.Brand.Name, StringComparer.OrdinalIgnoreCase))
        {
            var brand = group.First().Brand;
            var key = $"{channel}:{brand.Name}";
            var batch = new PipelineBatch(key, brand, group.Select(m => m.Mention).ToList(), NewCursor: null, ExpectedCursor: null);
            PipelineResult result;
            try
            {
                result = await pipeline.ProcessAsync(batch, cancellationToken);
            }
            catch (CursorConflictException)
            {
                // A concurrent push for the same brand created the channel's cursor row first; the cursor itself never
                // moves (always null), so running the page again is safe and dedupe drops what the other request stored.
                result = await pipeline.ProcessAsync(batch, cancellationToken);
            }

            stored += result.Stored;
            duplicates += result.Duplicates;
            filtered += result.Filtered;
            IngestLog.PushStored(logger, key, result.Received, result.Stored, result.Duplicates);
        }

        return new IntakeResult(mentions.Count, stored, duplicates, filtered);
    }
}
