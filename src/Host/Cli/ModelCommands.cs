using System.CommandLine;
using System.Globalization;
using SocialWatch.Core.Scoring;
using SocialWatch.Scoring.Models;

namespace SocialWatch.Host.Cli;

/// <summary>
/// <c>models list</c>, <c>models promote &lt;version&gt;</c>, <c>models rollback</c>: the cluster's model versions in
/// the configured database. A promotion or rollback reaches every running host on its next poll.
/// </summary>
internal static class ModelCommands
{
    /// <param name="services">Builds the host's service provider when the verb runs (not when the command line is parsed).</param>
    public static Command Create(Func<IServiceProvider> services)
    {
        var models = new Command("models", "List the stored model versions with their metrics, promote one for every host, or roll back.");
        models.Subcommands.Add(CreateList(services));
        models.Subcommands.Add(CreatePromote(services));
        models.Subcommands.Add(CreateRollback(services));
        return models;
    }

    private static Command CreateList(Func<IServiceProvider> services)
    {
        var list = new Command("list", "Stored versions, newest first: * marks the promoted one, ^ the one a rollback returns to.");
        list.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var shared = await OpenAsync(services, cancellationToken);
            var versions = await shared.ListAsync(cancellationToken);
            await output.WriteLineAsync(Table(versions));
            return 0;
        });
        return list;
    }

    private static Command CreatePromote(Func<IServiceProvider> services)
    {
        var version = new Argument<string>("version") { Description = "The stored version to serve on every host (see `models list`)." };
        var promote = new Command("promote", "Promote a stored version for every host.") { version };
        promote.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, "promote", async shared =>
        {
            var promoted = await shared.PromoteAsync(parseResult.GetValue(version)!, Actor, cancellationToken);
            return $"models: promoted {promoted.Version} (replacing {promoted.Previous ?? "nothing"}); every host loads it within its poll interval.";
        }, services, cancellationToken));
        return promote;
    }

    private static Command CreateRollback(Func<IServiceProvider> services)
    {
        var rollback = new Command("rollback", "Promote again the version the current one replaced.");
        rollback.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, "rollback", async shared =>
        {
            var restored = await shared.RollbackAsync(Actor, cancellationToken);
            return $"models: rolled back to {restored.Version}; every host loads it within its poll interval.";
        }, services, cancellationToken));
        return rollback;
    }

    private static string Actor => "cli:" + Environment.UserName;

    private static async Task<int> RunAsync(ParseResult parseResult, string verb, Func<SharedModels, Task<string>> act, Func<IServiceProvider> services, CancellationToken cancellationToken)
    {
        var shared = await OpenAsync(services, cancellationToken);
        try
        {
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(await act(shared));
            return 0;
        }
        catch (ModelVersionException ex)
        {
            await parseResult.InvocationConfiguration.Error.WriteLineAsync($"models {verb}: {ex.Message}");
            return 2;
        }
    }

    /// <summary>A fresh database gets the shipped model as its first version, as the first host start would do.</summary>
    private static async Task<SharedModels> OpenAsync(Func<IServiceProvider> services, CancellationToken cancellationToken)
    {
        var shared = services().GetRequiredService<SharedModels>();
        await shared.EnsureSeededAsync(cancellationToken);
        return shared;
    }

    internal static string Table(IReadOnlyList<ModelVersionListing> versions)
    {
        if (versions.Count == 0)
        {
            return "No model versions stored.";
        }

        string[] header = ["", "version", "created (UTC)", "by", "sentiment acc", "complaint F1", "complaint AUC", "escalation AUC"];
        var rows = versions.Select(v => new[]
        {
            v.Promoted ? "*" : v.Previous ? "^" : "",
            v.Version.Version,
            v.Version.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            v.Version.CreatedBy,
            Metric(v.Metrics.SentimentAccuracy),
            Metric(v.Metrics.ComplaintMacroF1),
            Metric(v.Metrics.ComplaintAuc),
            Metric(v.Metrics.EscalationAuc),
        }).Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        return string.Join(Environment.NewLine, rows.Select(r => string.Join("  ", r.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd()));
    }

    private static string Metric(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
