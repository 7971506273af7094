namespace SocialWatch.Host.Cli;

/// <summary>
/// Decides whether the command line is for the web host. Options alone (<c>--urls …</c>) start it, as does
/// <c>serve</c>; a word that is no verb (a typo such as <c>scroe</c>) must not start a server and create a database
/// in the current folder, so it is refused with the list of verbs and the nearest one.
/// </summary>
internal static class VerbGuard
{
    public static readonly string[] Verbs = ["serve", "migrate", "score", "train", "evaluate", "replay", "digest", "erase", "models", "users"];

    private static readonly string[] s_helpOptions = ["--help", "-h", "-?", "--version"];

    /// <summary>No arguments, <c>serve</c>, or host settings only (<c>--urls …</c>, <c>Storage:Provider=PostgreSql</c>).</summary>
    public static bool IsServe(string[] args) =>
        args.Length == 0
        || args[0] == "serve"
        || (args[0].StartsWith('-') && !s_helpOptions.Contains(args[0], StringComparer.Ordinal))
        || args[0].Contains('=', StringComparison.Ordinal);

    /// <summary>The first argument is neither a verb nor an option: what to print, or null when it is a verb.</summary>
    public static string? Unknown(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || Verbs.Contains(args[0], StringComparer.Ordinal))
        {
            return null;
        }

        var nearest = Verbs.MinBy(verb => Distance(verb, args[0]))!;
        var hint = Distance(nearest, args[0]) <= 2 ? $" Did you mean '{nearest}'?" : "";
        return $"'{args[0]}' is not a SocialWatch verb.{hint} Verbs: {string.Join(", ", Verbs)}. Run with --help for their options.";
    }

    /// <summary>Edit distance with adjacent swaps counted once (scroe → score is one).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
