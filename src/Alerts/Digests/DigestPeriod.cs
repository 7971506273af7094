namespace SocialWatch.Alerts.Digests;

/// <summary>
/// The half-open UTC interval [<see cref="Start"/>, <see cref="End"/>) one digest covers, and the interval
/// before it that the changes are measured against.
/// </summary>
public sealed record DigestPeriod(DateTimeOffset Start, DateTimeOffset End, DateTimeOffset PreviousStart)
{
    public DateTimeOffset PreviousEnd => Start;

    public TimeSpan Length => End - Start;

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;
}
