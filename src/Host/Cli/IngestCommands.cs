using System.CommandLine;
using System.Globalization;
using SocialWatch.Ingest.Push;

namespace SocialWatch.Host.Cli;

/// <summary>CLI verbs of the ingest: <c>replay --input &lt;file.jsonl&gt; [--brand &lt;name&gt;]</c>.</summary>
internal static class IngestCommands
{
    /// <param name="services">Builds the host's service provider when a verb runs (not when the command line is parsed).</param>
    public static IReadOnlyList<Command> Create(Func<IServiceProvider> services)
    {
        var input = new Option<FileInfo>("--input")
        {
            Required = true,
            Description = "JSONL file, one mention per line: {\"id\",\"text\",\"brand\", optional \"source\",\"createdAt\",\"lang\",\"url\",\"author\",\"metrics\"}.",
        };
        var brand = new Option<string?>("--brand")
        {
            Description = "Brand for every line, instead of each line's \"brand\".",
        };

        var replay = new Command("replay", "Pushes mentions through the whole pipeline (dedupe, score, store, route, alert) as if a source had returned them.");
        replay.Options.Add(input);
        replay.Options.Add(brand);
        replay.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var errors = parseResult.InvocationConfiguration.Error;
            var file = parseResult.GetValue(input)!;
            if (!file.Exists)
            {
                await errors.WriteLineAsync($"replay: input file not found: {file.FullName}");
                return 2;
            }

            var provider = services();
            await using var scope = provider.CreateAsyncScope();
            var replayer = scope.ServiceProvider.GetRequiredService<MentionReplay>();
            using var reader = file.OpenText();
            var result = await replayer.ReplayAsync(reader, parseResult.GetValue(brand), errors, cancellationToken);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"replay: {result.Lines} lines, {result.Stored} stored, {result.Duplicates} already stored, {result.Filtered} filtered out, {result.Invalid} invalid"));
            return result.Invalid > 0 ? 1 : 0;
        });

        return [replay];
    }
}
