using Microsoft.Extensions.Options;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Mentions;

namespace SocialWatch.Ingest.Sources.Mastodon;

/// <summary>
/// Re-reads watched statuses one by one on their own server (Mastodon has no batch lookup across servers). The server
/// and local id come from the status URI stored as the mention's external id (<c>https://host/users/name/statuses/id</c>).
/// </summary>
internal sealed class MastodonEngagementSource(MastodonStatusClient client, IOptions<MastodonOptions> options) : IEngagementSource
{
    public string Name => MastodonClient.SourceName;

    public async Task<IReadOnlyList<EngagementUpdate>> RefreshAsync(IReadOnlyList<StoredMention> mentions, CancellationToken cancellationToken)
    {
        var updates = new List<EngagementUpdate>(mentions.Count);
        foreach (var mention in mentions)
        {
            // A URI this lookup cannot place (another server software, or a server it may not call) is left unrefreshed.
            if (Locate(mention.Mention.ExternalId, options.Value.BaseUrl) is not { } location)
            {
                continue;
            }

            var status = await client.StatusAsync(location.Server, location.Id, cancellationToken);
            updates.Add(status is null
                ? new EngagementUpdate(mention.Id, mention.Mention.Metrics, Deleted: true)
                : new EngagementUpdate(mention.Id, new EngagementMetrics(status.FavouritesCount ?? 0, status.ReblogsCount ?? 0, status.RepliesCount ?? 0, 0), Deleted: false));
        }

        return updates;
    }

    /// <summary>
    /// The server and local id of a Mastodon status URI, or null. The URI was written by a remote server, so only https
    /// servers named by host (no IP literal, no localhost) are called, besides the configured instance itself: a hostile
    /// server must not make SocialWatch call into its own network.
    /// </summary>
    internal static (Uri Server, string Id)? Locate(string externalId, Uri? configured)
    {
        if (!Uri.TryCreate(externalId, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || segments[^2] != "statuses" || !segments[^1].All(char.IsAsciiDigit))
        {
            return null;
        }

        var server = new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
        var isConfigured = configured is not null
            && Uri.Compare(configured, server, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        if (!isConfigured && (uri.Scheme != Uri.UriSchemeHttps || uri.HostNameType != UriHostNameType.Dns || uri.IsLoopback
            || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return (server, segments[^1]);
    }
}
