namespace SocialWatch.Core.Promises;

/// <summary>Something an agent told a customer they would do by a time ("call back within 4 hours").</summary>
public sealed record Promise
{
    public long Id { get; init; }
    public long AlertId { get; init; }

    /// <summary>What was promised, as the agent wrote it.</summary>
    public required string Text { get; init; }

    public DateTimeOffset DueAt { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? KeptAt { get; init; }
    public string? KeptBy { get; init; }

    /// <summary>The alert raised because the promise was not kept in time; set once.</summary>
    public long? BrokenAlertId { get; init; }

    public bool IsKept => KeptAt is not null;
}

public interface IPromiseStore
{
    Task<Promise> AddAsync(Promise promise, CancellationToken cancellationToken);

    Task<Promise?> GetAsync(long id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Promise>> ListForAlertAsync(long alertId, CancellationToken cancellationToken);

    /// <summary>Marks a promise kept; false when it was already kept (the first mark counts).</summary>
    Task<bool> MarkKeptAsync(long id, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Promises not kept, due at or before <paramref name="now"/>, with no broken-promise alert yet.</summary>
    Task<IReadOnlyList<Promise>> GetOverdueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Links the broken-promise alert; false when another run linked one first.</summary>
    Task<bool> MarkBrokenAsync(long id, long brokenAlertId, CancellationToken cancellationToken);
}
