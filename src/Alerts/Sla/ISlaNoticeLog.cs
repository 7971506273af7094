namespace SocialWatch.Alerts.Sla;

/// <summary>Remembers which SLA warnings were sent so each is sent once, even with several hosts sweeping.</summary>
public interface ISlaNoticeLog
{
    /// <summary>
    /// Records a notice for (alert, deadline, level, due time); false when it was recorded before. A deadline that
    /// moves (tightening, reopening) has a new due time and so is warned about again.
    /// </summary>
    Task<bool> TryRecordAsync(long alertId, SlaDeadlineKind deadline, SlaNoticeLevel level, DateTimeOffset dueAt, DateTimeOffset at, CancellationToken cancellationToken);
}

public enum SlaDeadlineKind
{
    FirstResponse,
    Resolution,
}

public enum SlaNoticeLevel
{
    Warning,
    Breach,
}
