using System.CommandLine;
using SocialWatch.Core.Access;
using SocialWatch.Host.Web.Auth;

namespace SocialWatch.Host.Cli;

/// <summary>
/// <c>users reset-password &lt;name&gt; [--password-stdin]</c>: sets a new password on a local account (a demo account
/// whose first-start password was lost, or an admin locked out) and prints it once. Every session of the account ends,
/// and the change is in the admin audit with "cli" as the actor. Exit codes: 0 reset; 2 no such account, a disabled
/// one, or a password from standard input shorter than 12 characters.
/// </summary>
internal static class UserCommands
{
    public const int MinimumPasswordLength = 12;

    /// <param name="services">Builds the host's service provider when the verb runs (not when the command line is parsed).</param>
    public static Command Create(Func<IServiceProvider> services)
    {
        var users = new Command("users", "Local accounts: reset a password.");
        var name = new Argument<string>("name") { Description = "The account's user name (agent, pr, manager, admin for the demo accounts)." };
        var fromInput = new Option<bool>("--password-stdin") { Description = "Read the new password from standard input instead of generating one." };
        var reset = new Command("reset-password", "Sets a new password on a local account and prints it once; the account's sessions end.") { name, fromInput };
        reset.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var errors = parseResult.InvocationConfiguration.Error;
            var userName = parseResult.GetValue(name)?.Trim() ?? "";
            string password;
            var generated = !parseResult.GetValue(fromInput);
            if (generated)
            {
                password = ApiKeyGenerator.NewKey()[3..19];
            }
            else
            {
                password = (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n') ?? "";
                if (password.Length < MinimumPasswordLength)
                {
                    await errors.WriteLineAsync($"users reset-password: passwords are at least {MinimumPasswordLength} characters; nothing changed.");
                    return 2;
                }
            }

            await using var scope = services().CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<IUserStore>();
            var user = await store.FindAsync(userName, cancellationToken);
            if (user is null)
            {
                await errors.WriteLineAsync($"users reset-password: there is no local account named '{userName}'.");
                return 2;
            }

            if (user.Disabled)
            {
                await errors.WriteLineAsync($"users reset-password: '{user.UserName}' is disabled; enable it on /admin/users first.");
                return 2;
            }

            await store.SaveAsync(user with { PasswordHash = LocalAccounts.HashPassword(user, password) }, "cli", cancellationToken);
            await output.WriteLineAsync(generated
                ? $"users reset-password: '{user.UserName}' now signs in with the password {password} (shown only now); its sessions have ended."
                : $"users reset-password: '{user.UserName}' has the new password; its sessions have ended.");
            return 0;
        });
        users.Subcommands.Add(reset);
        return users;
    }
}
