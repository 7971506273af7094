using System.Text;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Mentions;

namespace SocialWatch.Ingest.Pipeline;

/// <summary>
/// Makes a mention safe and uniform before it is scored: clean text, bounded lengths, only http(s) links,
/// and drops what the brand does not want (excluded terms, other languages).
/// </summary>
public sealed class MentionNormalizer(IOptions<IngestOptions> options, TimeProvider time)
{
    private const int MaxNameLength = 200;
    private const int MaxUrlLength = 2_048;

    /// <summary>The cleaned mention, or null when the brand's filters drop it or nothing readable is left.</summary>
    public Mention? Normalize(Mention mention, Brand brand)
    {
        var text = Clean(mention.Text, options.Value.MaxTextLength, keepNewlines: true);
        if (text.Length == 0 || IsExcluded(text, brand) || !IsWantedLanguage(mention.Language, brand))
        {
            return null;
        }

        // A network's own counters are clamped, not refused: one odd number must not lose the post.
        var now = time.GetUtcNow();
        var bounded = MentionBounds.Clamp(mention, now);
        var author = bounded.Author;
        return bounded with
        {
            Brand = brand.Name,
            Text = text,
            Author = author with
            {
                Id = Clean(author.Id, MaxNameLength, keepNewlines: false),
                Handle = Clean(author.Handle, MaxNameLength, keepNewlines: false),
                DisplayName = author.DisplayName is null ? null : Clean(author.DisplayName, MaxNameLength, keepNewlines: false),
            },
            Url = SafeUrl(mention.Url),
            Language = string.IsNullOrWhiteSpace(mention.Language) ? null : mention.Language.Trim().ToLowerInvariant(),
            IngestedAt = now,
        };
    }

    /// <summary>Only absolute http(s) links survive: anything else (javascript:, data:...) must never become a link.</summary>
    public static string? SafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxUrlLength
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        return uri.AbsoluteUri;
    }

    /// <summary>Trims, drops control and invisible direction-changing characters, and caps the length without splitting a surrogate pair.</summary>
    public static string Clean(string? value, int maxLength, bool keepNewlines)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        // Most text needs nothing: return it as it is rather than copying it.
        if (value.Length <= maxLength && !char.IsWhiteSpace(value[0]) && !char.IsWhiteSpace(value[^1]) && !NeedsCleaning(value, keepNewlines))
        {
            return value;
        }

        var builder = new StringBuilder(Math.Min(value.Length, maxLength));
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\r')
            {
                // \r\n and a lone \r both become one \n.
                if (keepNewlines && (i + 1 >= value.Length || value[i + 1] != '\n'))
                {
                    builder.Append('\n');
                }

                continue;
            }

            if (c == '\n' || c == '\t')
            {
                builder.Append(keepNewlines ? c : ' ');
                continue;
            }

            if (char.IsControl(c) || IsInvisibleFormatting(c))
            {
                continue;
            }

            builder.Append(c);
        }

        var cleaned = builder.ToString().Trim();
        if (cleaned.Length <= maxLength)
        {
            return cleaned;
        }

        var cut = char.IsHighSurrogate(cleaned[maxLength - 1]) ? maxLength - 1 : maxLength;
        return cleaned[..cut].TrimEnd();
    }

    private static bool NeedsCleaning(string value, bool keepNewlines)
    {
        foreach (var c in value)
        {
            if (c == '\r' || ((c == '\n' || c == '\t') && !keepNewlines)
                || (c != '\n' && c != '\t' && (char.IsControl(c) || IsInvisibleFormatting(c))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Zero-width spaces and the bidirectional overrides and isolates that make text display differently from what it
    /// says. Joiners (U+200C/U+200D) and direction marks stay: emoji sequences and right-to-left scripts need them.
    /// </summary>
    private static bool IsInvisibleFormatting(char c) =>
        c is '\u200B' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\uFEFF';

    private static bool IsExcluded(string text, Brand brand) =>
        brand.ExcludedTerms.Exists(term => !string.IsNullOrWhiteSpace(term) && text.Contains(term.Trim(), StringComparison.OrdinalIgnoreCase));

    private static bool IsWantedLanguage(string? language, Brand brand) =>
        brand.Languages.Count == 0
        || string.IsNullOrWhiteSpace(language)
        || language.Equals("und", StringComparison.OrdinalIgnoreCase)
        || brand.Languages.Exists(l => l.Equals(language.Trim(), StringComparison.OrdinalIgnoreCase));
}
