using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Mentions;
using SocialWatch.Ingest.Pipeline;

namespace SocialWatch.Ingest.Sources.Bluesky;

/// <summary>
/// Authors' handles and reach for a page of matched posts: Jetstream sends only the DID, so the page's unknown
/// authors are read through <c>app.bsky.actor.getProfiles</c>, 25 a request, and kept for
/// <see cref="BlueskyOptions.ProfileCacheDuration"/>. A failed look-up leaves the authors as DIDs with no reach and
/// the page is stored all the same (and the AppView is not asked again for a minute): holding the stream back for a
/// secondary service would lose more than the reach of a few complaints, and the failure is logged. A singleton (the cache outlives a consumer run); the HTTP client is
/// made per page, so a stream that runs for weeks still gets the factory's fresh handlers.
/// </summary>
internal sealed class BlueskyProfiles(IHttpClientFactory clients, IOptions<BlueskyOptions> options, TimeProvider time, ILogger<BlueskyProfiles> logger)
{
    private readonly Dictionary<string, (MentionAuthor Author, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);
    private static readonly TimeSpan PauseAfterFailure = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public async Task<IReadOnlyList<BrandMention>> EnrichAsync(IReadOnlyList<BrandMention> mentions, CancellationToken cancellationToken)
    {
        if (mentions.Count == 0)
        {
            return mentions;
        }

        var now = time.GetUtcNow();
        var authors = new Dictionary<string, MentionAuthor>(StringComparer.Ordinal);
        var missing = new List<string>();
        bool paused;
        lock (_lock)
        {
            paused = now < _pausedUntil;
            foreach (var did in mentions.Select(m => m.Mention.Author.Id).Distinct(StringComparer.Ordinal))
            {
                if (_cache.TryGetValue(did, out var cached) && cached.Until > now)
                {
                    authors[did] = cached.Author;
                }
                else
                {
                    missing.Add(did);
                }
            }
        }

        // After a failure the AppView is left alone for a minute: its retries must not slow every page of an outage.
        if (missing.Count == 0 || paused)
        {
            return Apply(mentions, authors);
        }

        try
        {
            var client = new BlueskyAppViewClient(clients.CreateClient(nameof(BlueskyAppViewClient)), time);
            foreach (var chunk in missing.Chunk(BlueskyAppViewClient.MaxBatch))
            {
                foreach (var profile in await client.GetProfilesAsync(chunk, cancellationToken))
                {
                    if (profile.Did is { } did && chunk.Contains(did, StringComparer.Ordinal))
                    {
                        authors[did] = new MentionAuthor(did, profile.Handle is { Length: > 0 and <= 253 } handle ? handle : did,
                            profile.DisplayName, Math.Clamp(profile.FollowersCount ?? 0, 0, MentionBounds.MaxFollowers), false);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            lock (_lock)
            {
                _pausedUntil = time.GetUtcNow() + PauseAfterFailure;
            }

            IngestLog.ProfilesFailed(logger, JetstreamEvents.SourceName, missing.Count, ex);
        }

        Remember(missing, authors, now);
        return Apply(mentions, authors);
    }

    private static IReadOnlyList<BrandMention> Apply(IReadOnlyList<BrandMention> mentions, Dictionary<string, MentionAuthor> authors) =>
        [.. mentions.Select(m => authors.TryGetValue(m.Mention.Author.Id, out var author) ? m with { Mention = m.Mention with { Author = author } } : m)];

    private void Remember(List<string> looked, Dictionary<string, MentionAuthor> authors, DateTimeOffset now)
    {
        var settings = options.Value;
        lock (_lock)
        {
            if (_cache.Count + looked.Count > settings.ProfileCacheSize)
            {
                foreach (var old in _cache.OrderBy(p => p.Value.Until).Take(Math.Max(_cache.Count / 2, 1)).Select(p => p.Key).ToList())
                {
                    _cache.Remove(old);
                }
            }

            foreach (var did in looked)
            {
                if (authors.TryGetValue(did, out var author))
                {
                    _cache[did] = (author, now + settings.ProfileCacheDuration);
                }
            }
        }
    }
}
