using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;

namespace SocialWatch.Ingest.Sources.Demo;

/// <summary>
/// Emits a few bundled samples per poll with fresh ids and timestamps, and grows the engagement of the "viral" ones on
/// every refresh. Ids follow from the cursor, so a re-run after a crash produces the same ids and stores nothing twice.
/// </summary>
internal sealed class DemoMentionSource(DemoClient client, IOptions<DemoOptions> options, TimeProvider time) : IMentionSource, IEngagementSource
{
    public const string SourceName = "demo";

    public string Name => SourceName;

    public TimeSpan PollInterval => options.Value.PollInterval;

    public IReadOnlyList<WatchQuery> QueriesFor(Brand brand) =>
        string.Equals(brand.Name, options.Value.Brand, StringComparison.OrdinalIgnoreCase)
            ? [new WatchQuery($"{brand.Name}:demo:samples", brand.Name, Name, "samples")]
            : [];

    public Task<MentionPage> FetchAsync(WatchQuery query, string? cursor, CancellationToken cancellationToken)
    {
        DemoCursor state;
        try
        {
            state = cursor is null ? new DemoCursor() : JsonSerializer.Deserialize(cursor, DemoJsonContext.Default.DemoCursor) ?? new DemoCursor();
        }
        catch (JsonException ex)
        {
            throw new SourceResponseException(Name, query.Key, $"the stored cursor is not a demo cursor: {ex.Message}", ex);
        }

        var samples = client.Samples;
        var now = time.GetUtcNow();
        var count = options.Value.MentionsPerPoll;
        var mentions = new List<Mention>(count);
        for (var n = state.Emitted; n < state.Emitted + count; n++)
        {
            var sample = samples[(int)(n % samples.Count)];
            var author = sample.Author ?? new DemoAuthor { Id = "demo-user", Handle = "demo" };
            var metrics = sample.Metrics ?? new DemoMetrics();
            var id = "demo-" + n.ToString(CultureInfo.InvariantCulture);
            mentions.Add(new Mention
            {
                Source = Name,
                ExternalId = id,
                Brand = query.Brand,
                Text = sample.Text,
                Author = new MentionAuthor(author.Id, author.Handle, author.Name, author.Followers, author.Verified),
                Metrics = new EngagementMetrics(metrics.Likes, metrics.Reposts, metrics.Replies, metrics.Quotes),
                Url = null,
                Language = sample.Lang,
                ConversationId = id,

                // Spread over the poll interval so a list sorted by time does not show ties.
                CreatedAt = now - TimeSpan.FromSeconds((n - state.Emitted) * 7),
            });
        }

        var next = JsonSerializer.Serialize(new DemoCursor { Emitted = state.Emitted + count }, DemoJsonContext.Default.DemoCursor);
        return Task.FromResult(new MentionPage(mentions, next, HasMore: false, mentions.Count));
    }

    public Task<IReadOnlyList<EngagementUpdate>> RefreshAsync(IReadOnlyList<StoredMention> mentions, CancellationToken cancellationToken)
    {
        var samples = client.Samples;
        var now = time.GetUtcNow();
        var updates = new List<EngagementUpdate>(mentions.Count);
        foreach (var stored in mentions)
        {
            var mention = stored.Mention;
            if (!mention.ExternalId.StartsWith("demo-", StringComparison.Ordinal)
                || !long.TryParse(mention.ExternalId.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                continue;
            }

            var sample = samples[(int)(n % samples.Count)];
            var minutes = Math.Max(0, (long)(now - mention.CreatedAt).TotalMinutes);

            // Viral samples gain reposts and likes fast; the rest drift up slowly. Never below what was stored.
            var (likesPerMinute, repostsPerMinute, repliesPerMinute) = sample.Viral ? (12.0, 5.0, 1.5) : (0.2, 0.05, 0.05);
            var start = mention.Metrics;
            var baseline = sample.Metrics ?? new DemoMetrics();
            var metrics = new EngagementMetrics(
                Math.Max(start.Likes, baseline.Likes + (long)(minutes * likesPerMinute)),
                Math.Max(start.Reposts, baseline.Reposts + (long)(minutes * repostsPerMinute)),
                Math.Max(start.Replies, baseline.Replies + (long)(minutes * repliesPerMinute)),
                Math.Max(start.Quotes, baseline.Quotes + (sample.Viral ? minutes : 0)));
            updates.Add(new EngagementUpdate(stored.Id, metrics, Deleted: false));
        }

        return Task.FromResult<IReadOnlyList<EngagementUpdate>>(updates);
    }
}
