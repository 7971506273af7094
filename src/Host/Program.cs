using System.CommandLine;
using SocialWatch.Host.Cli;

// `serve` is the default verb; anything that is not another verb (e.g. --urls) goes to the web host.
string[] verbs = ["migrate", "score", "train", "evaluate", "replay", "--help", "-h", "-?", "--version"];
if (args.Length == 0 || !verbs.Contains(args[0], StringComparer.Ordinal))
{
    return await ServeCommand.RunAsync(args is ["serve", .. var rest] ? rest : args);
}

var root = new RootCommand("SocialWatch: social-media complaint monitoring.")
{
    new Command("serve", "Run the web UI, API and Hangfire server (the default)."),
    MigrateCommand.Create(),
};
foreach (var command in ScoringCommands.Create().Concat(IngestCommands.Create(CliServices.Create)))
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();

/// <summary>Entry point type, public so that integration tests can host the app.</summary>
public partial class Program;
