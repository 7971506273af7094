using Microsoft.ML.Data;
using SocialWatch.Scoring.Features;

namespace SocialWatch.Scoring.Training;

/// <summary>Training rows as ML.NET sees them: the featurizer's output as a sorted sparse vector.</summary>
internal static class FeatureVectors
{
    public static VBuffer<float> Build(string text, int bits, FeatureScratch scratch)
    {
        TextFeaturizer.Featurize(text, bits, scratch);
        var hashDimension = 1 << bits;
        var slots = scratch.Indices.AsSpan(0, scratch.Count).ToArray();
        Array.Sort(slots);
        var dense = scratch.Dense;
        var indices = new List<int>(slots.Length + dense.Length);
        var values = new List<float>(slots.Length + dense.Length);
        var i = 0;
        while (i < slots.Length)
        {
            var j = i;
            while (j + 1 < slots.Length && slots[j + 1] == slots[i])
            {
                j++;
            }

            indices.Add(slots[i]);
            values.Add((j - i + 1) * scratch.Scale);
            i = j + 1;
        }

        for (var k = 0; k < dense.Length; k++)
        {
            if (dense[k] != 0f)
            {
                indices.Add(hashDimension + k);
                values.Add(dense[k]);
            }
        }

        return new VBuffer<float>(hashDimension + dense.Length, indices.Count, values.ToArray(), indices.ToArray());
    }
}

internal sealed class SentimentRow
{
    public VBuffer<float> Features { get; set; }

    /// <summary>0 negative, 1 neutral, 2 positive: LoadFromEnumerable stores key values 0-based and ML.NET reads them back as keys 1..3.</summary>
    public uint Label { get; set; }

    public float Weight { get; set; }
}

internal sealed class ComplaintRow
{
    public VBuffer<float> Features { get; set; }

    public bool Label { get; set; }

    public float Weight { get; set; }
}

internal sealed class EscalationRow
{
    public VBuffer<float> Features { get; set; }

    public bool Label { get; set; }

    public float Weight { get; set; }
}
