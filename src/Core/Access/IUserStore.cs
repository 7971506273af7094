namespace SocialWatch.Core.Access;

/// <summary>Web UI accounts. Every change is written to the admin audit in the same transaction.</summary>
public interface IUserStore
{
    Task<WebUser?> FindAsync(string userName, CancellationToken cancellationToken);

    Task<IReadOnlyList<WebUser>> ListAsync(CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>Inserts the user when its id is 0, else replaces it; throws <see cref="DuplicateNameException"/> for a taken name.</summary>
    Task<WebUser> SaveAsync(WebUser user, string actor, CancellationToken cancellationToken);
}

/// <summary>Keys for machine callers, stored hashed.</summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key (id 0) and returns it with its id; audited.</summary>
    Task<ApiKey> CreateAsync(ApiKey key, CancellationToken cancellationToken);

    /// <summary>The active (not revoked) key with this hash, or null.</summary>
    Task<ApiKey?> FindActiveByHashAsync(string hash, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Revokes a key; audited. Returns false when no active key has this id.</summary>
    Task<bool> RevokeAsync(long id, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records when a key was last used (best effort bookkeeping shown to admins).</summary>
    Task TouchAsync(long id, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>The admin audit trail: configuration changes made through the admin pages.</summary>
public interface IAdminAuditStore
{
    Task AddAsync(AdminAuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Latest entries first.</summary>
    Task<IReadOnlyList<AdminAuditEntry>> GetLatestAsync(int limit, CancellationToken cancellationToken);
}

/// <summary>A name that must be unique is already taken.</summary>
public sealed class DuplicateNameException(string kind, string name)
    : Exception($"A {kind} named '{name}' already exists.")
{
    public string Kind { get; } = kind;
    public string Name { get; } = name;
}
