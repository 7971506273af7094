namespace SocialWatch.Core.Access;

/// <summary>
/// A key that lets a machine call the push endpoint or an integration API. Only the SHA-256 of the key is kept:
/// the key itself is shown once, when it is created. <see cref="Prefix"/> is its first characters, kept in clear so
/// that an admin can tell keys apart.
/// </summary>
public sealed record ApiKey
{
    public long Id { get; init; }
    public required string Name { get; init; }
    public required string Prefix { get; init; }

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string Hash { get; init; }

    /// <summary>What the key may do: "push", "integration".</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }

    public bool IsActive => RevokedAt is null;
}
