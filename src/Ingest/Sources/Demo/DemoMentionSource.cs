using System.Text.Json;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;

namespace SocialWatch.Ingest.Sources.Demo;

/// <summary>
/// Serves the simulated stream of <see cref="DemoSimulator"/> as a polled source, and its engagement as a lookup.
/// A poll returns the next ordinary posts (and a burst's share, during a burst) written within the last poll interval.
/// Ids and texts follow from the cursor, so a re-run after a crash, or another host, produces the same posts and stores
/// nothing twice; engagement follows from the post and its age, so every host reports the same counts.
/// </summary>
internal sealed class DemoMentionSource(DemoSimulator simulator, IOptions<DemoOptions> options, TimeProvider time) : IMentionSource, IEngagementSource
{
    public const string SourceName = "demo";

    public string Name => SourceName;

    public TimeSpan PollInterval => options.Value.PollInterval;

    public IReadOnlyList<WatchQuery> QueriesFor(Brand brand) =>
        string.Equals(brand.Name, options.Value.Brand, StringComparison.OrdinalIgnoreCase)
            ? [new WatchQuery($"{brand.Name}:demo:samples", brand.Name, Name, "simulated mentions")]
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

        var o = options.Value;
        var posts = new List<DemoPost>();
        for (var n = state.Emitted; n < state.Emitted + o.MentionsPerPoll; n++)
        {
            posts.Add(simulator.Regular(query.Brand, n));
        }

        if (simulator.BurstIn(state.Polls) is { } burst)
        {
            for (var j = burst.First; j < burst.First + burst.Count; j++)
            {
                posts.Add(simulator.Burst(query.Brand, burst.Burst, j));
            }
        }

        var now = time.GetUtcNow();
        var mentions = new List<Mention>(posts.Count);
        foreach (var post in posts)
        {
            // Written at some moment of the interval since the previous poll, and already as far along as its age says.
            var createdAt = now - (o.PollInterval * simulator.Offset(post));
            var author = post.Author;
            mentions.Add(new Mention
            {
                Source = Name,
                ExternalId = post.ExternalId,
                Brand = query.Brand,
                Text = post.Text,
                Author = new MentionAuthor(author.Id, author.Handle, author.Name, author.Followers, author.Verified),
                Metrics = post.Engagement.At(now - createdAt),
                Url = null,
                Language = post.Language,
                ConversationId = post.ExternalId,
                CreatedAt = createdAt,
            });
        }

        var next = JsonSerializer.Serialize(
            new DemoCursor { Emitted = state.Emitted + o.MentionsPerPoll, Polls = state.Polls + 1 },
            DemoJsonContext.Default.DemoCursor);
        return Task.FromResult(new MentionPage(mentions, next, HasMore: false, mentions.Count));
    }

    public Task<IReadOnlyList<EngagementUpdate>> RefreshAsync(IReadOnlyList<StoredMention> mentions, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var updates = new List<EngagementUpdate>(mentions.Count);
        foreach (var stored in mentions)
        {
            var mention = stored.Mention;
            if (simulator.Find(mention.Brand, mention.ExternalId) is not { } post)
            {
                continue;
            }

            // Never below what was stored: counters on a network only go down when people unlike, which the demo leaves out.
            var fresh = post.Engagement.At(now - mention.CreatedAt);
            var start = mention.Metrics;
            var metrics = new EngagementMetrics(
                Math.Max(start.Likes, fresh.Likes),
                Math.Max(start.Reposts, fresh.Reposts),
                Math.Max(start.Replies, fresh.Replies),
                Math.Max(start.Quotes, fresh.Quotes));
            updates.Add(new EngagementUpdate(stored.Id, metrics, Deleted: false));
        }

        return Task.FromResult<IReadOnlyList<EngagementUpdate>>(updates);
    }
}
