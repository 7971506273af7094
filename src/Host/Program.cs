using System.CommandLine;
using SocialWatch.Host.Cli;

// `serve` is the default verb: no arguments, or options only (e.g. --urls), start the web host.
if (VerbGuard.IsServe(args))
{
    return await ServeCommand.RunAsync(args is ["serve", .. var rest] ? rest : args);
}

if (VerbGuard.Unknown(args) is { } unknown)
{
    Console.Error.WriteLine(unknown);
    return 2;
}

var root = new RootCommand("SocialWatch: social-media complaint monitoring.")
{
    new Command("serve", "Run the web UI, API and Hangfire server (the default)."),
    MigrateCommand.Create(),
    EraseCommand.Create(CliServices.Create, EraseCommand.TerminalConfirm()),
};
foreach (var command in ScoringCommands.Create().Concat(IngestCommands.Create(CliServices.Create)).Append(DigestCommands.Create(CliServices.Create)))
{
    root.Subcommands.Add(command);
}

root.Subcommands.Add(ModelCommands.Create(CliServices.Create));
root.Subcommands.Add(UserCommands.Create(CliServices.Create));
return await root.Parse(args, CliParser.Configuration()).InvokeAsync();

/// <summary>Entry point type, public so that integration tests can host the app.</summary>
public partial class Program;
