using Microsoft.Extensions.Options;
using SocialWatch.Ingest.Sources.Demo;

namespace SocialWatch.Ingest.Tests.Sources;

[TestClass]
public sealed class ScratchDumpTests
{
    [TestMethod]
    public void Dump()
    {
        var sim = new DemoSimulator(Options.Create(new DemoOptions { Enabled = true }));
        using var w = new StreamWriter("/tmp/demo-scratch/posts.tsv");
        using var j = new StreamWriter("/tmp/demo-scratch/posts.jsonl");
        for (var p = 0; p < 400; p++)
        {
            var posts = new List<DemoPost>();
            for (var n = p * 3; n < p * 3 + 3; n++) posts.Add(sim.Regular("Acme Air", n));
            if (sim.BurstIn(p) is { } b) for (var k = b.First; k < b.First + b.Count; k++) posts.Add(sim.Burst("Acme Air", b.Burst, k));
            foreach (var x in posts)
            {
                w.WriteLine($"{p}\t{x.ExternalId}\t{x.Kind}\t{x.Spreading}\t{x.Author.Handle}\t{x.Author.Name}\t{x.Author.Followers}\t{x.Engagement.Total(TimeSpan.FromMinutes(2)):0}\t{x.Engagement.Total(TimeSpan.FromMinutes(10)):0}\t{x.Engagement.Total(TimeSpan.FromMinutes(60)):0}\t{x.Text}");
                j.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { id = x.ExternalId, text = x.Text, kind = x.Kind.ToString(), lang = x.Language }));
            }
        }
    }
}
