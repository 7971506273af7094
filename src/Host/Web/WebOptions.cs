using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Host.Web;

/// <summary>Settings of the web UI and its sign-in.</summary>
public sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>How long a sign-in lasts without activity.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Open alerts within this time of their first-response deadline count as "due soon".</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan DueSoon { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How far back the dashboard's volume charts reach.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan DashboardWindow { get; set; } = TimeSpan.FromHours(48);

    /// <summary>
    /// How often an open dashboard re-reads its tables besides on alert changes: growth and projections move with every
    /// engagement refresh, which raises no alert event.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DashboardRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Rows in one page of the triage queue (its views are read a page at a time, by key).</summary>
    [Range(10, 500)]
    public int QueueSize { get; set; } = 25;

    /// <summary>Demo accounts for the embedded default; never enable on a shared deployment.</summary>
    public DemoUsersOptions DemoUsers { get; set; } = new();

    /// <summary>Company sign-in; enabled when <see cref="OidcOptions.Authority"/> is set.</summary>
    public OidcOptions Oidc { get; set; } = new();
}

/// <summary>
/// Accounts agent, pr, manager and admin created on first start when there are no users at all, so that a newcomer
/// can sign in to the embedded default. Each gets <see cref="Password"/>, or, when it is not set, one random password
/// written once to the log.
/// </summary>
public sealed class DemoUsersOptions
{
    public bool Enabled { get; set; }

    /// <summary>Also create them on PostgreSQL or SQL Server (a shared database); off so that a copied setting cannot open production.</summary>
    public bool AllowOnSharedDatabase { get; set; }

    [MinLength(8)]
    public string? Password { get; set; }
}

/// <summary>OpenID Connect sign-in against a company identity provider.</summary>
public sealed class OidcOptions
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Claim that carries the user's roles in the ID token.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Maps the provider's role or group names to SocialWatch roles (agent, pr, manager, admin).</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
