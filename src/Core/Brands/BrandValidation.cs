using System.Text.RegularExpressions;

namespace SocialWatch.Core.Brands;

/// <summary>One thing wrong with a brand: the field it is about ("Name", "Handles", "Feeds"...) and what to fix.</summary>
public sealed record BrandProblem(string Field, string Message);

/// <summary>
/// What a brand must look like before it is polled: its name is part of job ids, cursor keys and stored mentions, and
/// every list ends up in a query some network parses. Applied to brands edited by admins.
/// </summary>
public static partial class BrandValidation
{
    public const int MaxNameLength = 100;
    public const int MaxTermLength = 200;
    public const int MaxEntries = 100;

    /// <summary>Longest retention accepted; longer than this is a typo, not a policy.</summary>
    public static readonly TimeSpan MaxRetention = TimeSpan.FromDays(3_650);

    // ISO 639-1, the two-letter codes X and most feeds tag posts with.
    private static readonly HashSet<string> LanguageCodes = new(
        """
        aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo
        es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg
        ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn
        no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta
        te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    public static bool IsLanguageCode(string code) => LanguageCodes.Contains(code);

    /// <summary>Problems of the name alone (also checked for configured brands).</summary>
    public static string? NameProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "A brand needs a name.";
        }

        if (name.Length > MaxNameLength)
        {
            return $"A brand name is at most {MaxNameLength} characters.";
        }

        if (name.Contains(':', StringComparison.Ordinal))
        {
            return "A brand name may not contain ':' (it separates the parts of query keys).";
        }

        if (name.Any(char.IsControl) || name != name.Trim())
        {
            return "A brand name may not start or end with spaces or contain control characters.";
        }

        return null;
    }

    public static IReadOnlyList<BrandProblem> Validate(Brand brand)
    {
        ArgumentNullException.ThrowIfNull(brand);
        var problems = new List<BrandProblem>();
        if (NameProblem(brand.Name) is { } nameProblem)
        {
            problems.Add(new BrandProblem(nameof(Brand.Name), nameProblem));
        }

        CheckCount(problems, nameof(Brand.Handles), brand.Handles);
        foreach (var handle in brand.Handles)
        {
            if (!Handle().IsMatch(handle))
            {
                problems.Add(new BrandProblem(nameof(Brand.Handles), $"Handle '{Shorten(handle)}' must be one word of letters, digits, '_', '.' or '-' (no spaces), without '@'."));
            }
        }

        CheckTerms(problems, nameof(Brand.Keywords), "Keyword", brand.Keywords);
        CheckTerms(problems, nameof(Brand.ExcludedTerms), "Excluded term", brand.ExcludedTerms);

        CheckCount(problems, nameof(Brand.Subreddits), brand.Subreddits);
        foreach (var subreddit in brand.Subreddits)
        {
            if (!Subreddit().IsMatch(subreddit))
            {
                problems.Add(new BrandProblem(nameof(Brand.Subreddits), $"Subreddit '{Shorten(subreddit)}' is not a subreddit name: 2 to 21 letters, digits or '_', not starting with '_' (without 'r/')."));
            }
        }

        CheckCount(problems, nameof(Brand.YouTubeChannels), brand.YouTubeChannels);
        foreach (var channel in brand.YouTubeChannels)
        {
            if (!IsYouTubeChannelId(channel))
            {
                problems.Add(new BrandProblem(nameof(Brand.YouTubeChannels), $"YouTube channel '{Shorten(channel)}' is not a channel id: 'UC' followed by 22 letters, digits, '-' or '_' (the id in youtube.com/channel/…, not the @handle)."));
            }
        }

        CheckCount(problems, nameof(Brand.Languages), brand.Languages);
        foreach (var language in brand.Languages)
        {
            if (!IsLanguageCode(language))
            {
                problems.Add(new BrandProblem(nameof(Brand.Languages), $"Language '{Shorten(language)}' is not an ISO 639-1 code (two lower-case letters such as 'en' or 'de')."));
            }
        }

        CheckCount(problems, nameof(Brand.Feeds), brand.Feeds);
        var feedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var feed in brand.Feeds)
        {
            if (!FeedName().IsMatch(feed.Name ?? ""))
            {
                problems.Add(new BrandProblem(nameof(Brand.Feeds), $"Feed name '{Shorten(feed.Name ?? "")}' must be 1 to 40 lower-case letters, digits, '-' or '_'."));
            }
            else if (!feedNames.Add(feed.Name!))
            {
                problems.Add(new BrandProblem(nameof(Brand.Feeds), $"Two feeds are named '{feed.Name}'; each feed needs its own name."));
            }

            if (!IsHttpUrl(feed.Url))
            {
                problems.Add(new BrandProblem(nameof(Brand.Feeds), $"Feed '{Shorten(feed.Name ?? "")}' needs an absolute http or https URL."));
            }
        }

        if (brand.Retention is { } retention && (retention <= TimeSpan.Zero || retention > MaxRetention))
        {
            problems.Add(new BrandProblem(nameof(Brand.Retention), $"Retention must be positive and at most {MaxRetention.TotalDays:0} days; leave it empty to keep mentions until erased."));
        }

        return problems;
    }

    /// <summary>A YouTube channel id as the Data API takes it: "UC" and 22 URL-safe base64 characters.</summary>
    public static bool IsYouTubeChannelId(string? channel) => channel is not null && YouTubeChannelId().IsMatch(channel);

    public static bool IsHttpUrl(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) && url.Host.Length > 0;

    private static void CheckTerms(List<BrandProblem> problems, string field, string label, List<string> terms)
    {
        CheckCount(problems, field, terms);
        foreach (var term in terms)
        {
            if (string.IsNullOrWhiteSpace(term) || term.Length > MaxTermLength || term.Any(char.IsControl))
            {
                problems.Add(new BrandProblem(field, $"{label} '{Shorten(term)}' must be 1 to {MaxTermLength} characters without control characters."));
            }
        }
    }

    private static void CheckCount<T>(List<BrandProblem> problems, string field, List<T> items)
    {
        if (items.Count > MaxEntries)
        {
            problems.Add(new BrandProblem(field, $"At most {MaxEntries} entries per list ({items.Count} given)."));
        }
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex Subreddit();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex FeedName();

    [GeneratedRegex(@"^UC[A-Za-z0-9_-]{22}$", RegexOptions.CultureInvariant)]
    private static partial Regex YouTubeChannelId();
}
