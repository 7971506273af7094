using System.Globalization;
using System.Text;

namespace SocialWatch.Ingest.Sources.Demo;

/// <summary>Fills the slots of a phrase for one post; every draw comes from the post's own generator.</summary>
internal static class DemoWriter
{
    /// <summary>The flight and places an incident burst is about, shared by all of its posts.</summary>
    internal sealed record Incident(string Name, string Flight, string City, string City2);

    /// <summary>How many ways a post may write the brand's handle and name (see <see cref="Fill"/>).</summary>
    public const int BrandForms = 5;

    /// <param name="form">Which way of writing the brand, 0 to <see cref="BrandForms"/> - 1: people type handles in lower case,
    /// address the care account, use the hashtag.</param>
    public static string Fill(string phrase, string brand, ref DemoRandom random, Incident? incident = null, int form = 0)
    {
        var code = AirlineCode(brand);
        var city = random.Pick(DemoPhrases.Cities);
        var city2 = random.Pick(DemoPhrases.Cities);
        while (city2 == city)
        {
            city2 = random.Pick(DemoPhrases.Cities);
        }

        var builder = new StringBuilder(phrase.Length + 40);
        var i = 0;
        while (i < phrase.Length)
        {
            var open = phrase.IndexOf('{', i);
            if (open < 0)
            {
                builder.Append(phrase, i, phrase.Length - i);
                break;
            }

            var close = phrase.IndexOf('}', open);
            builder.Append(phrase, i, open - i);
            var slot = phrase[(open + 1)..close];
            builder.Append(slot switch
            {
                "at" => "@" + HandleForm(Handle(brand), form),
                "brand" => NameForm(brand, form),
                "flight" => Flight(code, ref random),
                "city" => city,
                "city2" => city2,
                "hours" => random.Between(2, 9).ToString(CultureInfo.InvariantCulture),
                "mins" => random.Between(20, 95).ToString(CultureInfo.InvariantCulture),
                "days" => random.Between(2, 12).ToString(CultureInfo.InvariantCulture),
                "amount" => (random.Between(4, 98) * 10 - random.Pick([0, 1, 5, 10])).ToString(CultureInfo.InvariantCulture),
                "points" => (random.Between(5, 240) * 500).ToString("N0", CultureInfo.InvariantCulture),
                "crew" => random.Pick(DemoPhrases.Crew),
                "item" => random.Pick(DemoPhrases.Items),
                "seat" => random.Between(3, 38).ToString(CultureInfo.InvariantCulture) + random.Pick(["A", "B", "C", "D", "E", "F"]),
                "gate" => random.Pick(["A", "B", "C", "D"]) + random.Between(1, 48).ToString(CultureInfo.InvariantCulture),
                "time" => random.Between(5, 22).ToString(CultureInfo.InvariantCulture) + ":" + (random.Next(12) * 5).ToString("00", CultureInfo.InvariantCulture),
                "weekday" => random.Pick(DemoPhrases.Weekdays),
                "family" => random.Pick(DemoPhrases.Family),
                "kid" => random.Pick(DemoPhrases.Kids),
                "iflight" => incident?.Flight ?? Flight(code, ref random),
                "icity" => incident?.City ?? city,
                "icity2" => incident?.City2 ?? city2,
                _ => throw new InvalidOperationException($"Demo phrase slot {{{slot}}} is unknown: {phrase}"),
            });
            i = close + 1;
        }

        return builder.ToString();
    }

    /// <summary>The brand's handle as posts address it: "Acme Air" is @AcmeAir.</summary>
    public static string Handle(string brand)
    {
        var builder = new StringBuilder(brand.Length);
        foreach (var c in brand)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                builder.Append(c);
            }
        }

        return builder.Length == 0 ? "brand" : builder.ToString();
    }

    private static string HandleForm(string handle, int form) => form switch
    {
        1 => handle.ToLowerInvariant(),
        2 => handle + "_Help",
        3 => handle.ToLowerInvariant() + "_help",
        4 => char.ToUpperInvariant(handle[0]) + handle[1..].ToLowerInvariant(),
        _ => handle,
    };

    private static string NameForm(string brand, int form) => form switch
    {
        1 => brand.Replace(" ", "", StringComparison.Ordinal),
        2 => brand.ToLowerInvariant(),
        3 => "#" + Handle(brand),
        4 => "@" + Handle(brand),
        _ => brand,
    };

    /// <summary>Two letters from the brand's initials, as on a boarding pass ("Acme Air" flies AA).</summary>
    public static string AirlineCode(string brand)
    {
        var initials = brand.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsAsciiLetter(w[0]))
            .Select(w => char.ToUpperInvariant(w[0]))
            .ToList();
        return initials.Count switch
        {
            0 => "XX",
            1 => initials[0] + "X",
            _ => string.Concat(initials[0], initials[1]),
        };
    }

    public static string Flight(string code, ref DemoRandom random) =>
        code + (random.Chance(0.5) ? " " : "") + random.Between(100, 4999).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Puts a prefix before a phrase, lower-casing the phrase's first letter after "Honestly, " or "Ok so " (not "I"
    /// or a name).
    /// </summary>
    public static string Join(string prefix, string body)
    {
        var runsOn = prefix.EndsWith(", ", StringComparison.Ordinal) || (prefix.Length > 1 && char.IsLower(prefix[^2]));
        if (!runsOn || body.Length < 2 || !char.IsUpper(body[0]) || !char.IsLower(body[1]))
        {
            return prefix + body;
        }

        var firstWord = body.Split(' ', 2)[0].TrimEnd(',', ':');
        firstWord = firstWord.EndsWith("'s", StringComparison.Ordinal) ? firstWord[..^2] : firstWord;
        var keep = firstWord is "I" or "I'm" or "I've" || DemoPhrases.Crew.Contains(firstWord) || DemoPhrases.Cities.Contains(firstWord);
        return keep ? prefix + body : prefix + char.ToLowerInvariant(body[0]) + body[1..];
    }

    public static string Capitalise(string text) =>
        text.Length == 0 || !char.IsLower(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
