using System.Text.Json;
using System.Text.RegularExpressions;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Mentions;

namespace SocialWatch.Ingest.Push;

/// <summary>A validated input item, ready for the pipeline.</summary>
public sealed record MappedMention(Mention Mention, Brand Brand);

/// <summary>Parses and validates mentions sent by other systems, with an error per field that is wrong.</summary>
public sealed partial class MentionInputMapper(IBrandDirectory brands, TimeProvider time)
{
    private const int MaxIdLength = 256;

    /// <summary>
    /// Names of the built-in pollers. A pushed mention may not claim one: it would take the (source, id) of a real post
    /// and dedupe would then drop the genuine one when the poller reads it.
    /// </summary>
    private static readonly string[] ReservedSources = ["x", "reddit", "mastodon", "rss", "demo", "bluesky", "youtube"];

    /// <summary>Reads a body holding one mention object or an array of them. Throws <see cref="JsonException"/> for malformed JSON.</summary>
    public static IReadOnlyList<MentionLine?> ParseBody(ReadOnlySpan<byte> json) => MentionLines.ReadBody(json);

    /// <param name="brandOverride">Brand for every item (the replay verb's --brand); otherwise each item's "brand".</param>
    /// <param name="defaultSource">Source name for items that do not say ("push", "replay").</param>
    /// <param name="allowPollerSources">True for the operator's own replay files; false for mentions pushed by other systems.</param>
    public async ValueTask<(MappedMention? Mapped, MentionInputError? Error)> MapAsync(
        MentionLine input, int index, string? brandOverride, string defaultSource, CancellationToken cancellationToken, bool allowPollerSources = false)
    {
        var errors = new List<string>();
        var id = input.Id?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            errors.Add("\"id\" is required.");
        }
        else if (id.Length > MaxIdLength || id.Any(char.IsControl))
        {
            errors.Add($"\"id\" must be at most {MaxIdLength} characters without control characters.");
        }

        // Text, numbers, date: the checks every reader of mention lines shares, with the same messages.
        var now = time.GetUtcNow();
        errors.AddRange(MentionLines.Check(input, now, out var createdAt));

        var brandName = brandOverride ?? input.Brand;
        Brand? brand = null;
        if (string.IsNullOrWhiteSpace(brandName))
        {
            errors.Add("\"brand\" is required.");
        }
        else if ((brand = (await brands.GetAsync(cancellationToken)).Find(brandName.Trim())) is null)
        {
            errors.Add($"\"brand\" '{Truncate(brandName)}' is not a known brand (configured or added under Admin, Brands).");
        }

        var source = input.Source?.Trim().ToLowerInvariant() ?? defaultSource;
        if (!SourceName().IsMatch(source))
        {
            errors.Add("\"source\" must be 1-32 lower-case letters, digits, '-' or '_'.");
        }
        else if (!allowPollerSources && ReservedSources.Contains(source))
        {
            errors.Add($"\"source\" '{source}' belongs to a built-in poller; pushed mentions use their own source name.");
        }

        if (input.Url is not null && Pipeline.MentionNormalizer.SafeUrl(input.Url) is null)
        {
            errors.Add("\"url\" must be an absolute http or https URL.");
        }

        if (input.Lang is { Length: > 16 })
        {
            errors.Add("\"lang\" must be a language code such as \"en\".");
        }

        if (errors.Count > 0)
        {
            return (null, new MentionInputError(index, id is null ? null : Truncate(id), errors));
        }

        var author = input.Author;
        var mention = new Mention
        {
            Source = source,
            ExternalId = id!,
            Brand = brand!.Name,
            Text = input.Text!,
            Author = author is null
                ? MentionAuthor.Unknown
                : new MentionAuthor(author.Id ?? author.Handle ?? "", author.Handle ?? "", author.Name, author.Followers ?? 0, author.Verified ?? false),
            Metrics = input.EngagementMetrics,
            Url = input.Url,
            Language = input.Lang,
            CreatedAt = createdAt ?? now,
        };
        return (new MappedMention(mention, brand), null);
    }

    private static string Truncate(string value) => value.Length <= 64 ? value : value[..64] + "…";

    [GeneratedRegex("^[a-z0-9_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex SourceName();
}
