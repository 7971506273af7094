using Microsoft.Extensions.Options;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Scoring;
using SocialWatch.Core.Sla;
using SocialWatch.Core.Teams;

namespace SocialWatch.Alerts.Sla;

/// <summary>Deadline arithmetic: policy deadlines in a team's working time, and tightening as a mention spreads.</summary>
public sealed class SlaCalculator(IOptions<SlaOptions> options)
{
    private readonly SlaOptions _options = options.Value;

    public static SlaDeadlines Compute(SlaPolicy policy, AlertPriority priority, TeamProfile team, DateTimeOffset from)
    {
        var target = TargetFor(policy, priority);
        return target.BusinessHoursOnly
            ? new(WorkingTimeCalculator.Add(team, from, target.FirstResponse), WorkingTimeCalculator.Add(team, from, target.Resolution))
            : new(from + target.FirstResponse, from + target.Resolution);
    }

    public static SlaTarget TargetFor(SlaPolicy policy, AlertPriority priority) =>
        policy.For(priority)
        ?? SlaPolicy.Default.For(priority)
        ?? throw new InvalidOperationException($"SLA policy '{policy.Name}' has no target for {priority}.");

    /// <summary>
    /// Share of the normal time a spreading mention gets: 1 while it grows slowly, falling in proportion to its doubling
    /// time below the threshold, never under the configured floor.
    /// </summary>
    public double TighteningFactor(EngagementVelocity? velocity)
    {
        if (velocity?.DoublingTime is not { } doubling || doubling >= _options.TightenBelowDoublingTime)
        {
            return 1.0;
        }

        var factor = doubling / _options.TightenBelowDoublingTime;
        return Math.Max(_options.MinTighteningFactor, factor);
    }

    /// <summary>
    /// The deadline after tightening: min(current, now + normal time x factor). Spreading does not wait for office
    /// hours, so the tightened time runs on the wall clock. A deadline never moves later.
    /// </summary>
    public DateTimeOffset? Tighten(DateTimeOffset? currentDue, DateTimeOffset now, TimeSpan normalTime, EngagementVelocity? velocity)
    {
        var factor = TighteningFactor(velocity);
        if (factor >= 1.0)
        {
            return currentDue;
        }

        var candidate = now + normalTime * factor;
        return currentDue is { } due && due <= candidate ? due : candidate;
    }

    public bool ShouldRaisePriority(EngagementVelocity? velocity) =>
        velocity?.DoublingTime is { } doubling && doubling < _options.RaisePriorityBelowDoublingTime;
}
