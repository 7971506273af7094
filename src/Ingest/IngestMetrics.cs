using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using SocialWatch.Core.Mentions;

namespace SocialWatch.Ingest;

/// <summary>
/// The ingest's own figures, on the .NET meter <c>SocialWatch.Ingest</c> (the host's /metrics exports every meter):
/// mentions received from each source and mentions stored, so an operator sees a source fall silent. The totals are
/// kept here and read when an exporter collects, so a listener that starts late still sees every mention since start.
/// </summary>
public static class IngestMetrics
{
    public const string MeterName = "SocialWatch.Ingest";

    private static readonly ConcurrentDictionary<string, long> ReceivedBySource = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, long> StoredBySource = new(StringComparer.Ordinal);
    private static readonly Meter Meter = new(MeterName);

    static IngestMetrics()
    {
        Meter.CreateObservableCounter("received", () => Measure(ReceivedBySource), "{mention}", "Mentions read from a source, before filters and duplicate checks.");
        Meter.CreateObservableCounter("stored", () => Measure(StoredBySource), "{mention}", "Mentions stored for the first time.");
    }

    internal static void Count(IEnumerable<Mention> received, IEnumerable<Mention> stored)
    {
        Add(ReceivedBySource, received);
        Add(StoredBySource, stored);
    }

    private static void Add(ConcurrentDictionary<string, long> totals, IEnumerable<Mention> mentions)
    {
        foreach (var group in mentions.GroupBy(m => m.Source, StringComparer.Ordinal))
        {
            totals.AddOrUpdate(group.Key, group.LongCount(), (_, total) => total + group.LongCount());
        }
    }

    private static IEnumerable<Measurement<long>> Measure(ConcurrentDictionary<string, long> totals) =>
        totals.Select(t => new Measurement<long>(t.Value, new KeyValuePair<string, object?>("source", t.Key)));
}
