using System.Text.Json;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;
using SocialWatch.Ingest.Text;

namespace SocialWatch.Ingest.Sources.Mastodon;

/// <summary>Brand mentions from hashtag timelines: one query per hashtag made from the brand's handles and keywords.</summary>
internal sealed class MastodonMentionSource(MastodonClient client, IOptions<MastodonOptions> options, TimeProvider time) : IMentionSource
{
    public string Name => MastodonClient.SourceName;

    public TimeSpan PollInterval => options.Value.PollInterval;

    public IReadOnlyList<WatchQuery> QueriesFor(Brand brand) =>
        Hashtags(brand).Select(tag => new WatchQuery($"{brand.Name}:mastodon:#{tag}", brand.Name, Name, tag)).ToList();

    /// <summary>The hashtags a brand's handles and keywords become, each once.</summary>
    internal static IReadOnlyList<string> Hashtags(Brand brand) =>
        brand.Handles.Concat(brand.Keywords)
            .Select(Hashtag)
            .Where(tag => tag.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>"Acme Air" and "@AcmeAir" both become the hashtag "acmeair".</summary>
    internal static string Hashtag(string term) =>
        new string(term.Where(c => char.IsLetterOrDigit(c) || c == '_').ToArray()).ToLowerInvariant();

    public async Task<MentionPage> FetchAsync(WatchQuery query, string? cursor, CancellationToken cancellationToken)
    {
        MastodonCursor state;
        try
        {
            state = cursor is null ? new MastodonCursor() : JsonSerializer.Deserialize(cursor, MastodonJsonContext.Default.MastodonCursor) ?? new MastodonCursor();
        }
        catch (JsonException ex)
        {
            throw new SourceResponseException(Name, query.Key, $"the stored cursor is not a Mastodon cursor: {ex.Message}", ex);
        }

        var limit = options.Value.PageSize;
        var statuses = await client.HashtagAsync(query.Key, query.Query, state.MinId, limit, cancellationToken);
        var newest = statuses.Select(s => s.Id).OfType<string>().Aggregate(state.MinId, (max, id) => max is null || CompareIds(id, max) > 0 ? id : max);

        // The first poll reads only the newest page; later polls read forward from min_id until a page is not full.
        var hasMore = state.MinId is not null && statuses.Count >= limit;
        var mentions = statuses
            .Where(s => s.Id is not null && s.Reblog is null)
            .Select(s => ToMention(s, query.Brand))
            .ToList();
        return new MentionPage(mentions, JsonSerializer.Serialize(new MastodonCursor { MinId = newest }, MastodonJsonContext.Default.MastodonCursor), hasMore, statuses.Count);
    }

    /// <summary>Status ids are numeric strings of varying length; longer is larger.</summary>
    internal static int CompareIds(string a, string b) =>
        a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);

    private Mention ToMention(MastodonStatus status, string brand)
    {
        var text = HtmlText.ToPlainText(status.Content);
        if (!string.IsNullOrWhiteSpace(status.SpoilerText))
        {
            text = status.SpoilerText.Trim() + "\n\n" + text;
        }

        var account = status.Account;
        return new Mention
        {
            Source = Name,

            // The URI is the status's identity across instances; the local id differs on every instance.
            ExternalId = status.Uri ?? status.Url ?? status.Id!,
            Brand = brand,
            Text = text,
            Author = new MentionAuthor(account?.Acct ?? account?.Id ?? "", account?.Acct ?? account?.Username ?? "", account?.DisplayName, account?.FollowersCount ?? 0, false),
            Metrics = new EngagementMetrics(status.FavouritesCount ?? 0, status.ReblogsCount ?? 0, status.RepliesCount ?? 0, 0),
            Url = status.Url ?? status.Uri,
            Language = status.Language,
            ConversationId = status.InReplyToId,
            CreatedAt = status.CreatedAt ?? time.GetUtcNow(),
        };
    }
}
