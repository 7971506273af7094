namespace SocialWatch.Alerts.Sla;

/// <summary>Which clock an SLA notice is about.</summary>
public enum SlaDeadlineKind
{
    FirstResponse,
    Resolution,
}

/// <summary>A notice before a deadline, or when it is missed.</summary>
public enum SlaNoticeLevel
{
    Warning,
    Breach,
}
