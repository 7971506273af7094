namespace SocialWatch.Host.Web.Auth;

/// <summary>
/// The box printed at the end of start-up while demo accounts exist: where to open the app, who can sign in, and the
/// password (only on the start that generated it) or how to reset it. A newcomer finds it below the log lines.
/// </summary>
internal static class StartBanner
{
    public static string Render(IEnumerable<string> addresses, DemoAccounts demo)
    {
        var lines = new List<string> { "SocialWatch is running." };
        lines.AddRange(addresses.Select(a => "Open " + a.Replace("://+:", "://localhost:", StringComparison.Ordinal).Replace("://*:", "://localhost:", StringComparison.Ordinal)
            .Replace("://0.0.0.0:", "://localhost:", StringComparison.Ordinal).Replace("://[::]:", "://localhost:", StringComparison.Ordinal)));
        lines.Add("Demo accounts: " + string.Join(", ", demo.UserNames));
        lines.Add(demo.GeneratedPassword is { } password
            ? $"Password (all of them): {password}   (generated now; shown only this once)"
            : demo.FromSettings
                ? "Password: the one in Web:DemoUsers:Password"
                : "Password: the one shown at the first start");
        lines.Add("Lost it? dotnet run --project src/Host -- users reset-password admin");
        lines.Add("For a trial only: set Web:DemoUsers:Enabled=false and create real accounts on /admin/users.");

        var width = lines.Max(l => l.Length);
        var rule = new string('─', width + 2);
        var box = new System.Text.StringBuilder();
        box.AppendLine().Append('┌').Append(rule).AppendLine("┐");
        foreach (var line in lines)
        {
            box.Append("│ ").Append(line.PadRight(width)).AppendLine(" │");
        }

        return box.Append('└').Append(rule).AppendLine("┘").ToString();
    }
}
