using System.Text.Json;

namespace SocialWatch.Ingest.Sources.Demo;

/// <summary>Reads the sample mentions embedded in the assembly (written for this project; no third-party text).</summary>
internal sealed class DemoClient
{
    private const string ResourceName = "SocialWatch.Ingest.Sources.Demo.demo-mentions.jsonl";

    private readonly Lazy<IReadOnlyList<DemoSample>> _samples = new(Load);

    public IReadOnlyList<DemoSample> Samples => _samples.Value;

    private static IReadOnlyList<DemoSample> Load()
    {
        using var stream = typeof(DemoClient).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        var samples = new List<DemoSample>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length > 0)
            {
                samples.Add(JsonSerializer.Deserialize(line, DemoJsonContext.Default.DemoSample)
                    ?? throw new InvalidOperationException($"{ResourceName} line {lineNumber} is null."));
            }
        }

        return samples;
    }
}
