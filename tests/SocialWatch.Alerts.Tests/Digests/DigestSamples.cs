using SocialWatch.Alerts.Digests;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Alerts.Tests.Digests;

/// <summary>Invented digest contents for rendering tests and the sample screenshot.</summary>
internal static class DigestSamples
{
    public static DigestReport Busy()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var start = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        var volumes = new[] { 12, 9, 7, 6, 8, 14, 22, 31, 38, 41, 45, 52, 96, 140, 118, 77, 60, 49, 40, 33, 27, 21, 18, 15 };
        var negatives = new[] { 2, 1, 1, 1, 2, 3, 4, 6, 8, 9, 10, 12, 48, 81, 62, 30, 19, 13, 10, 7, 6, 4, 3, 3 };
        var series = volumes.Select((v, i) => new VolumeBucket(
            start.AddHours(i), start.AddHours(i + 1), TimeZoneInfo.ConvertTime(start.AddHours(i), zone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), v, negatives[i])).ToList();
        var app = new Uri("https://socialwatch.example.com/");
        return new DigestReport
        {
            SubscriptionName = "Acme care leads",
            Brands = ["Acme Air", "Acme Rail"],
            Period = new DigestPeriod(start, start.AddDays(1), start.AddDays(-1)),
            TimeZone = zone,
            Volume = new PeriodVolume(volumes.Sum(), negatives.Sum()),
            PreviousVolume = new PeriodVolume(812, 158),
            Series = series,
            Alerts = new AlertSummary
            {
                Opened = 37,
                Resolved = 29,
                StillOpen = 14,
                FirstResponseBreaches = 3,
                ResolveBreaches = 1,
                BrokenPromises = 2,
                MedianFirstResponse = TimeSpan.FromMinutes(23),
                Responses = 31,
            },
            TopRisks =
            [
                new DigestRisk(4812, "Flight AC 210 cancelled, 6 h on the phone, \"we'll call you back\" never came", "Acme Air", 0.93, "Urgent", new Uri(app, "alerts/4812")),
                new DigestRisk(4807, "Wheelchair left on the tarmac <again> & staff shrugged", "Acme Air", 0.88, "High", new Uri(app, "alerts/4807")),
                new DigestRisk(4799, "Refund for the 08:12 to Leeds refused twice", "Acme Rail", 0.71, "High", new Uri(app, "alerts/4799")),
                new DigestRisk(4790, "<script>alert('x')</script> strangers can write anything here", "Acme Rail", 0.55, "Normal", new Uri("javascript:alert(1)")),
                new DigestRisk(4788, "see https://example.com/" + new string('x', 150) + " for the whole story of my lost suitcase and the three calls nobody returned", "Acme Air", 0.52, "Normal", new Uri(app, "alerts/4788")),
            ],
            Spikes =
            [
                new DigestSpike(4801, "Negative share 3.1x baseline after the 20:00 cancellations", "Acme Air", start.AddHours(12.5), new Uri(app, "alerts/4801")),
            ],
            GrowingReasons =
            [
                new ReasonGrowth("refund refused", "refund refused", 64, 21),
                new ReasonGrowth(ReasonCodes.PromiseBroken, "promise not kept", 31, 9),
                new ReasonGrowth("accessibility", "accessibility", 12, 4),
            ],
        };
    }

    public static DigestReport Quiet() => Busy() with
    {
        Volume = new PeriodVolume(0, 0),
        PreviousVolume = new PeriodVolume(3, 1),
        Series = [.. Busy().Series.Select(b => b with { Mentions = 0, Negative = 0 })],
        TopRisks = [],
        Spikes = [],
        GrowingReasons = [],
        Alerts = new AlertSummary(),
    };
}
