namespace SocialWatch.Core.Access;

/// <summary>
/// A person who signs in to the web UI. Local accounts carry a password hash; accounts that come from a company's
/// OpenID Connect provider have none and get their roles from the provider's claims.
/// </summary>
public sealed record WebUser
{
    public long Id { get; init; }

    /// <summary>Sign-in name; also the user id in team membership and in alert audit entries.</summary>
    public required string UserName { get; init; }

    public string? DisplayName { get; init; }

    public string? Email { get; init; }

    /// <summary>Hash in ASP.NET Core Identity's format (PBKDF2 with salt); null for external accounts.</summary>
    public string? PasswordHash { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];

    public bool Disabled { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>An admin-visible change (users, API keys, brands, rules...): who did what to which thing.</summary>
public sealed record AdminAuditEntry(long Id, string Actor, DateTimeOffset At, string Area, string Subject, string Action, string? Detail);
