namespace SocialWatch.Alerts.Digests;

/// <summary>Everything one digest says, computed before any of it is rendered.</summary>
public sealed record DigestReport
{
    public required string SubscriptionName { get; init; }

    /// <summary>Brands covered; empty means every brand.</summary>
    public required IReadOnlyList<string> Brands { get; init; }

    public required DigestPeriod Period { get; init; }
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>True when the period has not ended yet (a preview).</summary>
    public bool IsPartial { get; init; }

    public required PeriodVolume Volume { get; init; }
    public required PeriodVolume PreviousVolume { get; init; }

    /// <summary>Mention volume over the period, one bucket per hour (short periods) or per local day.</summary>
    public required IReadOnlyList<VolumeBucket> Series { get; init; }

    public required AlertSummary Alerts { get; init; }
    public required IReadOnlyList<DigestRisk> TopRisks { get; init; }
    public required IReadOnlyList<DigestSpike> Spikes { get; init; }

    /// <summary>Complaint reasons whose count grew most against the previous period, largest growth first.</summary>
    public required IReadOnlyList<ReasonGrowth> GrowingReasons { get; init; }

    /// <summary>A quiet period has no mentions: the digest says so instead of drawing an empty chart.</summary>
    public bool IsQuiet => Volume.Mentions == 0;

    /// <summary>Change in mentions against the previous period as a fraction (0.25 = +25 %); null when there was nothing before.</summary>
    public double? VolumeChange => PreviousVolume.Mentions == 0
        ? null
        : (Volume.Mentions - PreviousVolume.Mentions) / (double)PreviousVolume.Mentions;

    /// <summary>Change of the negative share in percentage points as a fraction (0.05 = +5 points); null when either share is unknown.</summary>
    public double? NegativeShareChange => Volume.NegativeShare is { } now && PreviousVolume.NegativeShare is { } before
        ? now - before
        : null;
}

/// <summary>Mentions in a period and how many of them were negative.</summary>
public sealed record PeriodVolume(long Mentions, long Negative)
{
    public double? NegativeShare => Mentions == 0 ? null : Negative / (double)Mentions;
}

/// <summary>One bar of the chart: [Start, End) in UTC, labelled in the subscription's time zone.</summary>
public sealed record VolumeBucket(DateTimeOffset Start, DateTimeOffset End, string Label, long Mentions, long Negative)
{
    public double? NegativeShare => Mentions == 0 ? null : Negative / (double)Mentions;
}

public sealed record AlertSummary
{
    /// <summary>Alerts raised during the period.</summary>
    public int Opened { get; init; }

    /// <summary>Alerts resolved during the period.</summary>
    public int Resolved { get; init; }

    /// <summary>Alerts raised before the end of the period that are still open now.</summary>
    public int StillOpen { get; init; }

    /// <summary>Alerts whose first-response deadline fell in the period and was missed.</summary>
    public int FirstResponseBreaches { get; init; }

    /// <summary>Alerts whose resolve deadline fell in the period and was missed.</summary>
    public int ResolveBreaches { get; init; }

    /// <summary>Promises to customers that came due in the period and were not kept.</summary>
    public int BrokenPromises { get; init; }

    /// <summary>Median time from alert to first response, over responses given in the period; null when there were none.</summary>
    public TimeSpan? MedianFirstResponse { get; init; }

    public int Responses { get; init; }
}

/// <summary>An open alert likely to blow up. Title and brand are stranger-influenced text: encode when shown.</summary>
public sealed record DigestRisk(long AlertId, string Title, string Brand, double Score, string Priority, Uri? Link);

/// <summary>A volume or negativity spike raised during the period.</summary>
public sealed record DigestSpike(long AlertId, string Title, string Brand, DateTimeOffset At, Uri? Link);

/// <summary>
/// How often an escalation reason was given for complaints, now and in the previous period. Counted by
/// <paramref name="Code"/>; <paramref name="Reason"/> is the code's display name.
/// </summary>
public sealed record ReasonGrowth(string Code, string Reason, long Count, long PreviousCount)
{
    public long Growth => Count - PreviousCount;
}
