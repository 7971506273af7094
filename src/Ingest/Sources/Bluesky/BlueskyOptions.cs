using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Ingest.Sources.Bluesky;

/// <summary>
/// Bluesky through Jetstream, the public JSON WebSocket of every post on the network, and the public AppView
/// (<see cref="SourceOptions.BaseUrl"/>) for authors' reach and posts' engagement. Free and needs no account, so it is
/// off until enabled: there is no credential whose presence could switch it on. The HTTP settings of
/// <see cref="SourceOptions"/> apply to the AppView calls; <see cref="SourceOptions.PollInterval"/> is unused (a stream).
/// </summary>
public sealed class BlueskyOptions : SourceOptions
{
    public const string SectionName = "Sources:Bluesky";

    public BlueskyOptions()
    {
        Enabled = false;
        BaseUrl = new Uri("https://public.api.bsky.app/");
    }

    /// <summary>The instances Bluesky runs for public use (their Jetstream README); used when none are configured.</summary>
    public static IReadOnlyList<Uri> PublicInstances { get; } =
    [
        new("wss://jetstream1.us-east.bsky.network/subscribe"),
        new("wss://jetstream2.us-east.bsky.network/subscribe"),
        new("wss://jetstream1.us-west.bsky.network/subscribe"),
        new("wss://jetstream2.us-west.bsky.network/subscribe"),
    ];

    /// <summary>
    /// Jetstream instances, tried in order and failed over in turn (ws or wss; <c>/subscribe</c> is added when the path
    /// is empty). Empty means <see cref="PublicInstances"/>: the binder appends to a list rather than replacing it, so the
    /// defaults cannot live in the list itself.
    /// </summary>
    public List<Uri> JetstreamUrls { get; set; } = [];

    /// <summary>Handle or DID of an account, for the optional search backfill only.</summary>
    public string? Identifier { get; set; }

    /// <summary>App password of <see cref="Identifier"/>, for the optional search backfill only. A secret: configuration, never the repo.</summary>
    public string? AppPassword { get; set; }

    /// <summary>The account's PDS, which signs the backfill in and relays its searches to the AppView.</summary>
    public Uri PdsUrl { get; set; } = new("https://bsky.social/");

    /// <summary>
    /// How far back the backfill searches (<c>app.bsky.feed.searchPosts</c>) when the stream cannot replay: at the
    /// first start, or after an outage longer than <see cref="ReplayHorizon"/>. Zero turns the backfill off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan BackfillWindow { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Result pages (100 posts each) the backfill reads per search term at most.</summary>
    [Range(1, 1_000)]
    public int BackfillMaxPages { get; set; } = 10;

    /// <summary>
    /// How far back a Jetstream instance is trusted to replay from a cursor. Instances keep about a day or more, as
    /// their operators choose; an older cursor is backfilled by search from where it stopped.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ReplayHorizon { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Whether an account is configured for the search backfill.</summary>
    public bool CanBackfill => !string.IsNullOrWhiteSpace(Identifier) && !string.IsNullOrEmpty(AppPassword) && BackfillWindow > TimeSpan.Zero;

    /// <summary>
    /// How far before the committed cursor a reconnect resumes. Jetstream's cursors are times, not sequence numbers, and
    /// instances differ slightly, so its README advises rewinding a few seconds; the store drops the repeats.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CursorRewind { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First reconnect delay; doubles per failed attempt (with jitter) up to <see cref="ReconnectMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest wait for the WebSocket handshake.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A connection that delivers nothing for this long is taken as stalled and replaced: the network posts every
    /// second, so silence means a dead socket that TCP has not noticed yet.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:30:00")]
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Matched posts wait at most this long to be stored (with the cursor after them).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// When no post matched, the cursor (and the deletes seen, redacted first) is still committed this often, so a
    /// restart replays little; less often than <see cref="FlushInterval"/>, as a quiet brand set would otherwise write
    /// a page every two seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan CursorCommitInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Matched posts that make a page stored at once, before <see cref="FlushInterval"/> has passed.</summary>
    [Range(1, 5_000)]
    public int PageSize { get; set; } = 200;

    /// <summary>Largest event read; a larger one is counted as malformed and skipped (posts are a few kilobytes).</summary>
    [Range(4_096, 16 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// How long the consumer's lease lasts without renewal: when its host dies, another host takes over within this
    /// time plus <see cref="LeaseRetryInterval"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:10:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a standby host asks for the lease, and the holder renews it (at most a third of the duration is used).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan LeaseRetryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an author's handle and follower count are reused before <c>getProfiles</c> is asked again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan ProfileCacheDuration { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Authors kept in the profile cache; the oldest half is dropped when it is full.</summary>
    [Range(1, 10_000_000)]
    public int ProfileCacheSize { get; set; } = 100_000;

    /// <summary>The configured instances, or the public ones; each pointing at <c>/subscribe</c>.</summary>
    public IReadOnlyList<Uri> Instances() =>
        [.. (JetstreamUrls.Count > 0 ? JetstreamUrls : PublicInstances).Select(SubscribeUri)];

    internal static Uri SubscribeUri(Uri instance)
    {
        var builder = new UriBuilder(instance) { Query = "", Fragment = "" };
        if (builder.Path is "" or "/")
        {
            builder.Path = "/subscribe";
        }

        return builder.Uri;
    }

    internal static bool IsWebSocketUri(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == "wss" || uri.Scheme == "ws") && uri.Host.Length > 0;
}
