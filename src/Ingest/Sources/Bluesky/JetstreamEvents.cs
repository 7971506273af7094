using System.Globalization;
using System.Text;
using System.Text.Json;
using SocialWatch.Core.Mentions;

namespace SocialWatch.Ingest.Sources.Bluesky;

/// <summary>What one Jetstream message was, once checked.</summary>
internal enum JetstreamEventKind
{
    /// <summary>Not JSON, or missing what every event has (a time, a DID); counted and skipped.</summary>
    Malformed,

    /// <summary>A well-formed event this consumer has no use for (identity, account, an update, another collection); only its time counts.</summary>
    Other,

    Post,
    Delete,
}

/// <param name="TimeUs">Jetstream's cursor: microseconds since the Unix epoch at which the instance saw the event.</param>
/// <param name="Post">The new post, for <see cref="JetstreamEventKind.Post"/>.</param>
/// <param name="Uri">The record's at:// URI, for posts and deletes.</param>
internal readonly record struct JetstreamEventResult(JetstreamEventKind Kind, long TimeUs, JetstreamPost? Post, string? Uri)
{
    public static JetstreamEventResult Malformed { get; } = new(JetstreamEventKind.Malformed, 0, null, null);
}

/// <summary>A new post as read from Jetstream, with what its facets say; every string is bounded and the identifiers checked.</summary>
/// <param name="MentionedHandles">Handles of the mention facets, lower case without '@', as written in the text.</param>
/// <param name="MentionedDids">DIDs of the mention facets.</param>
/// <param name="Tags">Hashtags of the tag facets and the record's own tags, lower case without '#'.</param>
/// <param name="Links">URIs of the link facets.</param>
internal sealed record JetstreamPost(
    string Did,
    string Rkey,
    long TimeUs,
    string Text,
    DateTimeOffset CreatedAt,
    string? Language,
    string? ReplyRoot,
    IReadOnlyList<string> MentionedHandles,
    IReadOnlyList<string> MentionedDids,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Links)
{
    public string AtUri => JetstreamEvents.AtUri(Did, Rkey);

    /// <summary>The post on the Bluesky web app; a DID works in place of the handle, which Jetstream does not send.</summary>
    public string WebUrl => $"https://bsky.app/profile/{Did}/post/{Rkey}";

    public Mention ToMention(string brand, TimeProvider time) => new()
    {
        Source = JetstreamEvents.SourceName,
        ExternalId = AtUri,
        Brand = brand,
        Text = Text,

        // Jetstream carries the DID only; the handle and reach need app.bsky.actor.getProfiles.
        Author = new MentionAuthor(Did, Did, null, 0, false),
        Url = WebUrl,
        Language = Language,
        ConversationId = ReplyRoot,
        CreatedAt = MentionBounds.IsInWindow(CreatedAt, time.GetUtcNow()) ? CreatedAt : time.GetUtcNow(),
    };
}

/// <summary>Parses Jetstream's JSON events for <c>app.bsky.feed.post</c>; never throws on what the network sends.</summary>
internal static class JetstreamEvents
{
    public const string SourceName = "bluesky";
    public const string PostCollection = "app.bsky.feed.post";

    // The lexicon caps a post at 3,000 bytes and 300 graphemes; a longer one is cut, not refused.
    private const int MaxTextChars = 3_000;
    private const int MaxFacets = 64;
    private const int MaxFeaturesPerFacet = 8;
    private const int MaxTags = 16;
    private const int MaxHandleChars = 253;
    private const int MaxUriChars = 2_048;

    // did:plc is 32 characters; did:web is a host name. 2 KB is the DID specification's own ceiling.
    private const int MaxDidChars = 2_048;
    private const int MaxRkeyChars = 512;

    public static string AtUri(string did, string rkey) => $"at://{did}/{PostCollection}/{rkey}";

    public static JetstreamEventResult Parse(ReadOnlySpan<byte> json)
    {
        JetstreamEvent? e;
        try
        {
            e = JsonSerializer.Deserialize(json, JetstreamJsonContext.Default.JetstreamEvent);
        }
        catch (JsonException)
        {
            return JetstreamEventResult.Malformed;
        }

        if (e?.TimeUs is not { } timeUs || timeUs <= 0 || !IsDid(e.Did))
        {
            return JetstreamEventResult.Malformed;
        }

        if (e.Kind != "commit")
        {
            return new JetstreamEventResult(JetstreamEventKind.Other, timeUs, null, null);
        }

        var commit = e.Commit;
        if (commit is null || !IsRecordKey(commit.Rkey) || commit.Operation is null)
        {
            return new JetstreamEventResult(JetstreamEventKind.Malformed, timeUs, null, null);
        }

        if (commit.Collection != PostCollection)
        {
            return new JetstreamEventResult(JetstreamEventKind.Other, timeUs, null, null);
        }

        var did = e.Did!;
        var rkey = commit.Rkey!;
        switch (commit.Operation)
        {
            case "delete":
                return new JetstreamEventResult(JetstreamEventKind.Delete, timeUs, null, AtUri(did, rkey));
            case "create" when commit.Record is { } record:
                var post = ToPost(did, rkey, timeUs, record);
                return new JetstreamEventResult(JetstreamEventKind.Post, timeUs, post, post.AtUri);
            case "create":
                return new JetstreamEventResult(JetstreamEventKind.Malformed, timeUs, null, null);
            default:
                // Posts cannot be edited in the app; an update changes nothing SocialWatch keeps.
                return new JetstreamEventResult(JetstreamEventKind.Other, timeUs, null, null);
        }
    }

    /// <summary>The post a record makes (from Jetstream, or from a search hit); <paramref name="timeUs"/> dates it when its own date is unreadable.</summary>
    internal static JetstreamPost ToPost(string did, string rkey, long timeUs, PostRecord record)
    {
        var text = record.Text ?? "";
        if (text.Length > MaxTextChars)
        {
            text = text[..(char.IsHighSurrogate(text[MaxTextChars - 1]) ? MaxTextChars - 1 : MaxTextChars)];
        }

        List<string>? handles = null, dids = null, tags = null, links = null;
        byte[]? utf8 = null;
        foreach (var facet in (record.Facets ?? []).Take(MaxFacets))
        {
            foreach (var feature in (facet?.Features ?? []).Take(MaxFeaturesPerFacet))
            {
                switch (feature?.Type)
                {
                    case "app.bsky.richtext.facet#mention":
                        if (IsDid(feature.Did))
                        {
                            (dids ??= []).Add(feature.Did!);
                        }

                        // The handle is only in the text: the facet names the account by DID.
                        utf8 ??= Encoding.UTF8.GetBytes(text);
                        if (Slice(utf8, facet!.Index) is { } written && Handle(written) is { } handle)
                        {
                            (handles ??= []).Add(handle);
                        }

                        break;
                    case "app.bsky.richtext.facet#tag" when feature.Tag is { Length: > 0 and <= 640 } tag:
                        AddTag(ref tags, tag);
                        break;
                    case "app.bsky.richtext.facet#link" when feature.Uri is { Length: > 0 and <= MaxUriChars } uri:
                        (links ??= []).Add(uri);
                        break;
                }
            }
        }

        foreach (var tag in (record.Tags ?? []).Take(MaxTags))
        {
            if (tag is { Length: > 0 and <= 640 })
            {
                AddTag(ref tags, tag);
            }
        }

        var createdAt = DateTimeOffset.TryParse(record.CreatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : DateTimeOffset.FromUnixTimeMilliseconds(timeUs / 1000);
        var language = record.Langs?.Take(MaxTags).FirstOrDefault(IsLanguageTag);
        var root = record.Reply?.Root?.Uri is { Length: <= MaxUriChars } r && r.StartsWith("at://", StringComparison.Ordinal) ? r : null;
        return new JetstreamPost(did, rkey, timeUs, text, createdAt, language, root,
            handles ?? (IReadOnlyList<string>)[], dids ?? (IReadOnlyList<string>)[], tags ?? (IReadOnlyList<string>)[], links ?? (IReadOnlyList<string>)[]);
    }

    private static void AddTag(ref List<string>? tags, string tag)
    {
        var clean = tag.TrimStart('#').ToLowerInvariant();
        if (clean.Length > 0 && (tags ??= []).Count < MaxTags * 2)
        {
            tags.Add(clean);
        }
    }

    private static string? Slice(byte[] utf8, FacetIndex? index)
    {
        if (index is null || index.ByteStart < 0 || index.ByteEnd <= index.ByteStart || index.ByteEnd > utf8.Length
            || index.ByteEnd - index.ByteStart > MaxHandleChars + 1)
        {
            return null;
        }

        return Encoding.UTF8.GetString(utf8, index.ByteStart, index.ByteEnd - index.ByteStart);
    }

    /// <summary>"@Acme.bsky.social" becomes "acme.bsky.social"; anything that is not a handle's characters is refused.</summary>
    private static string? Handle(string written)
    {
        var handle = written.StartsWith('@') ? written[1..] : written;
        if (handle.Length is 0 or > MaxHandleChars)
        {
            return null;
        }

        foreach (var c in handle)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '.' && c != '-')
            {
                return null;
            }
        }

        return handle.ToLowerInvariant();
    }

    /// <summary>A BCP 47 tag's shape ("en", "pt-BR"): letters, digits and hyphens, at most 35 characters.</summary>
    private static bool IsLanguageTag(string? tag) =>
        tag is { Length: > 0 and <= 35 } && char.IsAsciiLetter(tag[0]) && tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>
    /// A DID as the specification spells it (<c>did:method:id</c>, ASCII letters, digits and <c>._:%-</c>): it goes into
    /// the stored URI and the link, so nothing else may pass.
    /// </summary>
    internal static bool IsDid(string? did)
    {
        if (did is null || did.Length is < 8 or > MaxDidChars || !did.StartsWith("did:", StringComparison.Ordinal))
        {
            return false;
        }

        var method = did.IndexOf(':', 4);
        if (method <= 4 || method == did.Length - 1 || did[^1] == ':' || did[^1] == '%')
        {
            return false;
        }

        for (var i = 4; i < method; i++)
        {
            if (!char.IsAsciiLetterLower(did[i]))
            {
                return false;
            }
        }

        for (var i = method + 1; i < did.Length; i++)
        {
            var c = did[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or ':' or '%' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A record key as the specification allows (1–512 of <c>A-Za-z0-9._:~-</c>, not "." or "..").</summary>
    internal static bool IsRecordKey(string? rkey)
    {
        if (rkey is null || rkey.Length is 0 or > MaxRkeyChars || rkey is "." or "..")
        {
            return false;
        }

        foreach (var c in rkey)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or ':' or '~' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
