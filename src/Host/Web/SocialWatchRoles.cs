namespace SocialWatch.Host.Web;

/// <summary>The four roles of the product and the policies built on them.</summary>
public static class SocialWatchRoles
{
    public const string Agent = "agent";
    public const string Pr = "pr";
    public const string Manager = "manager";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Agent, Pr, Manager, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}

/// <summary>Authorization policy names.</summary>
public static class SocialWatchPolicies
{
    /// <summary>Works the triage queue: agents, and managers who cover for them.</summary>
    public const string Agent = "agent";

    /// <summary>Watches the escalation dashboard: PR staff and managers.</summary>
    public const string Pr = "pr";

    public const string Manager = "manager";

    /// <summary>Opens an alert's page: agents and managers to work it, PR staff to read it from the dashboard.</summary>
    public const string AlertPage = "alert-page";

    /// <summary>Configures the service and sees the Hangfire dashboard.</summary>
    public const string Admin = "admin";

    /// <summary>Reads alerts and mentions: any care role, or an API key with the integration scope.</summary>
    public const string Reader = "reader";

    /// <summary>Acts on alerts through the API: agents and managers, or an API key with the alerts:write scope.</summary>
    public const string AlertWriter = "alert-writer";

    /// <summary>Pushes mentions: an API key with the push scope.</summary>
    public const string Push = "push";
}
