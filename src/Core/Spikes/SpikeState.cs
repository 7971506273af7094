namespace SocialWatch.Core.Spikes;

/// <summary>Where a brand stands between spikes: one spike raises one alert, however many windows it lasts.</summary>
public sealed record SpikeState(string Brand)
{
    public bool Active { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? LastElevatedAt { get; init; }
    public long? AlertId { get; init; }

    /// <summary>A spike that flares up again before this time continues the previous one.</summary>
    public DateTimeOffset? CoolDownUntil { get; init; }
}

public interface ISpikeStateStore
{
    Task<SpikeState?> GetAsync(string brand, CancellationToken cancellationToken);

    Task SaveAsync(SpikeState state, CancellationToken cancellationToken);
}

/// <summary>Mention counts for the spike detector.</summary>
public interface ISpikeDataSource
{
    /// <summary>Mentions of the brand created in each window [From, To), with how many were scored negative.</summary>
    Task<IReadOnlyList<WindowCount>> CountAsync(string brand, IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> windows, CancellationToken cancellationToken);
}
