using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using SocialWatch.Ingest.Http;
using SocialWatch.Ingest.Text;

namespace SocialWatch.Ingest.Sources.Rss;

/// <summary>Reads and parses RSS 2.0 and Atom documents. DTDs are refused, so a feed cannot expand entities or reach files.</summary>
internal sealed class RssClient(HttpClient http, TimeProvider time)
{
    public const string SourceName = "rss";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    /// <summary>Feeds rarely send rate-limit headers; a 429 with Retry-After is still honoured.</summary>
    public static RateLimitPolicy RateLimits { get; } = new DeltaResetRateLimitPolicy("X-RateLimit-Remaining", "X-RateLimit-Reset");

    public async Task<IReadOnlyList<FeedItem>> ReadAsync(string queryKey, Uri url, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new SourceResponseException(SourceName, queryKey, $"the request failed after retries: {ex.Message}", ex);
        }

        using (response)
        {
            var body = await SourceJson.ReadBodyAsync(response, SourceName, queryKey, cancellationToken);
            SourceHttpClientRegistration.ThrowIfRateLimited(response, RateLimits, SourceName, time);
            SourceJson.EnsureSuccess(response, body, SourceName, queryKey);
            return Parse(body, queryKey);
        }
    }

    internal static IReadOnlyList<FeedItem> Parse(byte[] body, string queryKey)
    {
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
            using var stream = new MemoryStream(body);
            using var reader = XmlReader.Create(stream, settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new SourceResponseException(SourceName, queryKey, $"malformed or truncated feed XML (line {ex.LineNumber}, position {ex.LinePosition}): {ex.Message}", ex);
        }

        var root = document.Root!;
        if (root.Name == Atom + "feed")
        {
            var language = (string?)root.Attribute(XNamespace.Xml + "lang");
            return root.Elements(Atom + "entry").Select(e => AtomItem(e, language)).ToList();
        }

        if (root.Name.LocalName == "rss" && root.Element("channel") is { } channel)
        {
            var language = (string?)channel.Element("language");
            return channel.Elements("item").Select(i => RssItem(i, language)).ToList();
        }

        throw new SourceResponseException(SourceName, queryKey, $"the document is neither RSS 2.0 nor Atom (root element <{root.Name.LocalName}>)");
    }

    private static FeedItem RssItem(XElement item, string? language)
    {
        var title = HtmlText.ToPlainText((string?)item.Element("title"));
        var summary = HtmlText.ToPlainText((string?)item.Element(Content + "encoded") ?? (string?)item.Element("description"));
        var link = ((string?)item.Element("link"))?.Trim();
        var published = ParseDate((string?)item.Element("pubDate") ?? (string?)item.Element(DublinCore + "date"));
        var id = ((string?)item.Element("guid"))?.Trim() is { Length: > 0 } guid ? guid : link ?? Hash(title, summary, published);
        var author = ((string?)item.Element(DublinCore + "creator") ?? (string?)item.Element("author"))?.Trim();
        return new FeedItem(id, title, summary, link, author, published, language);
    }

    private static FeedItem AtomItem(XElement entry, string? language)
    {
        var title = HtmlText.ToPlainText((string?)entry.Element(Atom + "title"));
        var summary = HtmlText.ToPlainText((string?)entry.Element(Atom + "content") ?? (string?)entry.Element(Atom + "summary"));
        var link = entry.Elements(Atom + "link")
            .Where(l => (string?)l.Attribute("rel") is null or "alternate")
            .Select(l => (string?)l.Attribute("href"))
            .FirstOrDefault();
        var published = ParseDate((string?)entry.Element(Atom + "published") ?? (string?)entry.Element(Atom + "updated"));
        var id = ((string?)entry.Element(Atom + "id"))?.Trim() is { Length: > 0 } atomId ? atomId : link ?? Hash(title, summary, published);
        var author = ((string?)entry.Element(Atom + "author")?.Element(Atom + "name"))?.Trim();
        return new FeedItem(id, title, summary, link, author, published, (string?)entry.Attribute(XNamespace.Xml + "lang") ?? language);
    }

    private static DateTimeOffset? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // RFC 822 dates in RSS may end in a zone name ("GMT", "EST") that the parser does not know; "GMT"/"UT" are common enough to map.
        var normalized = value.Trim().Replace(" UT", " GMT", StringComparison.Ordinal);
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
    }

    private static string Hash(string title, string summary, DateTimeOffset? published) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{title}\n{summary}\n{published:O}")))[..32];
}
