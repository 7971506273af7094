using System.CommandLine;
using System.Globalization;
using SocialWatch.Alerts.Retention;
using SocialWatch.Core.Retention;

namespace SocialWatch.Host.Cli;

/// <summary>
/// <c>erase --source &lt;x|reddit|bluesky|…&gt; --author &lt;handle or author id&gt; [--reason &lt;ticket&gt;] [--yes]</c>: erases
/// one author's data (the same use case as the admin page and the API), audited with a hash of the author.
/// Exit codes: 0 erased; 1 nothing stored for that author, or not confirmed (nothing erased); 2 bad input, or a
/// handle that names several authors.
/// </summary>
internal static class EraseCommand
{
    /// <param name="services">Builds the host's service provider when the verb runs (not when the command line is parsed).</param>
    /// <param name="confirm">Asks the person at the terminal; null when there is none (input redirected), so only --yes erases.</param>
    public static Command Create(Func<IServiceProvider> services, Func<string, bool>? confirm)
    {
        var source = new Option<string>("--source") { Required = true, Description = "The source the author posted on: x, reddit, bluesky, mastodon, youtube, …" };
        var author = new Option<string>("--author") { Required = true, Description = "The author's id on the source, or their handle (with or without '@')." };
        var reason = new Option<string?>("--reason") { Description = "Reference of the request (ticket number), kept in the audit." };
        var yes = new Option<bool>("--yes") { Description = "Erase without asking." };

        var erase = new Command("erase", "Erases one author's stored data: every brand's copy of their mentions, snapshots, watch-list entries, feedback labels, unsent notifications, and the text of their alerts, notes and promises.");
        erase.Options.Add(source);
        erase.Options.Add(author);
        erase.Options.Add(reason);
        erase.Options.Add(yes);
        erase.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var errors = parseResult.InvocationConfiguration.Error;
            var src = parseResult.GetValue(source)?.Trim().ToLowerInvariant() ?? "";
            var who = parseResult.GetValue(author)?.Trim() ?? "";
            var why = parseResult.GetValue(reason);
            if (EraseAuthorData.Problem(src, who, why) is { } problem)
            {
                await errors.WriteLineAsync("erase: " + problem);
                return 2;
            }

            await using var scope = services().CreateAsyncScope();
            var use = scope.ServiceProvider.GetRequiredService<EraseAuthorData>();
            var preview = await use.PreviewAsync(src, who, cancellationToken);
            if (await RefusedAsync(preview, src, who, output, errors) is { } refused)
            {
                return refused;
            }

            var id = preview.AuthorIds[0];
            if (!parseResult.GetValue(yes))
            {
                await output.WriteLineAsync($"erase: stored for author {id} on {src}:");
                await WriteCountsAsync(output, preview.Counts);
                if (confirm is null || !confirm($"Erase all of it? This cannot be undone. [y/N] "))
                {
                    await errors.WriteLineAsync("erase: nothing erased; run again with --yes to erase.");
                    return 1;
                }
            }

            var result = await use.ExecuteAsync(new EraseAuthorCommand(src, who, "cli:" + Environment.UserName, why), cancellationToken);
            if (await RefusedAsync(result, src, who, output, errors) is { } gone)
            {
                return gone;
            }

            await output.WriteLineAsync($"erase: erased author {id} on {src} (audited as {EraseAuthorData.SubjectHash(src, id)}):");
            await WriteCountsAsync(output, result.Counts);
            return 0;
        });
        return erase;
    }

    /// <summary>Reads y/yes from the terminal; null when the input is not one.</summary>
    public static Func<string, bool>? TerminalConfirm() => Console.IsInputRedirected
        ? null
        : prompt =>
        {
            Console.Write(prompt);
            return Console.ReadLine()?.Trim().ToLowerInvariant() is "y" or "yes";
        };

    private static async Task<int?> RefusedAsync(AuthorErasureResult result, string source, string author, TextWriter output, TextWriter errors)
    {
        switch (result.Outcome)
        {
            case AuthorErasureOutcome.NothingStored:
                await output.WriteLineAsync($"erase: nothing stored for '{author}' on {source}.");
                return 1;
            case AuthorErasureOutcome.Ambiguous:
                await errors.WriteLineAsync($"erase: '{author}' is the handle of {result.AuthorIds.Count} authors on {source} (ids {string.Join(", ", result.AuthorIds)}); name one by its id.");
                return 2;
            default:
                return null;
        }
    }

    private static async Task WriteCountsAsync(TextWriter output, AuthorDataCounts counts)
    {
        foreach (var (kind, count) in counts.ByKind())
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {kind,-24}{count,8}"));
        }
    }
}
