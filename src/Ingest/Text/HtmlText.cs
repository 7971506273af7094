using System.Net;
using System.Text.RegularExpressions;

namespace SocialWatch.Ingest.Text;

/// <summary>
/// Plain text from the small HTML fragments sources send (Mastodon statuses, feed summaries). The result is text,
/// never markup: whatever shows it encodes it again.
/// </summary>
internal static partial class HtmlText
{
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        var text = ScriptOrStyle().Replace(html, " ");
        text = LineBreak().Replace(text, "\n");
        text = ParagraphEnd().Replace(text, "\n\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        text = BlankLines().Replace(text, "\n\n");
        return text.Trim();
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</(p|div|li|h[1-6]|blockquote)\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ParagraphEnd();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\n[ \t]*\n(\s*\n)+", RegexOptions.CultureInvariant)]
    private static partial Regex BlankLines();
}
