using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Core.Access;
using SocialWatch.Host.Cli;
using SocialWatch.Host.Web.Auth;

namespace SocialWatch.Host.Tests.Cli;

/// <summary><c>users reset-password</c> against a real SQLite database: the account gets a new password it signs in with.</summary>
[TestClass]
public sealed class UserCommandsTests : IAsyncDisposable
{
    private readonly CliStorage _storage = new("users");

    private ServiceProvider Services => _storage.Services;

    public ValueTask DisposeAsync() => _storage.DisposeAsync();

    [TestMethod]
    public async Task ResetPassword_GivesTheAccountAGeneratedPassword_ItSignsInWith_AndAuditsIt()
    {
        var before = await AccountAsync("admin", "the lost first-start password");

        var (exitCode, output, errors) = await InvokeAsync("users", "reset-password", "admin");

        Assert.AreEqual(0, exitCode, errors);
        var password = System.Text.RegularExpressions.Regex.Match(output, "the password (\\S+) \\(shown only now\\)").Groups[1].Value;
        Assert.AreEqual(16, password.Length, output);
        var accounts = new LocalAccounts(Users);
        Assert.IsNotNull(await accounts.VerifyAsync("admin", password, CancellationToken.None), "the printed password signs in");
        Assert.IsNull(await accounts.VerifyAsync("admin", "the lost first-start password", CancellationToken.None));
        Assert.AreNotEqual(before.PasswordHash, (await Users.FindAsync("admin", CancellationToken.None))!.PasswordHash);
        var audit = await Services.GetRequiredService<IAdminAuditStore>().GetLatestAsync(10, CancellationToken.None);
        Assert.IsTrue(audit.Any(a => a.Actor == "cli" && a.Subject == "admin"), "the reset is in the admin audit: " + string.Join("; ", audit));
        Assert.DoesNotContain(password, string.Join(" ", audit.Select(a => a.Detail)), "the audit never holds the password");
    }

    [TestMethod]
    public async Task ResetPassword_OfAnUnknownOrDisabledAccount_SaysSoInOneLine_AndExits2()
    {
        var disabled = await AccountAsync("old-agent", "a password of some length");
        await Users.SaveAsync(disabled with { Disabled = true }, "test", CancellationToken.None);

        var unknown = await InvokeAsync("users", "reset-password", "<nobody>");
        var off = await InvokeAsync("users", "reset-password", "old-agent");

        Assert.AreEqual((2, "users reset-password: there is no local account named '<nobody>'."), (unknown.ExitCode, unknown.Errors.Trim()));
        Assert.AreEqual(2, off.ExitCode);
        StringAssert.Contains(off.Errors, "'old-agent' is disabled");
        Assert.IsEmpty(unknown.Output + off.Output);
    }

    private IUserStore Users => Services.GetRequiredService<IUserStore>();

    private async Task<WebUser> AccountAsync(string userName, string password)
    {
        await Services.GetRequiredService<SocialWatch.Core.Storage.IStorageMaintenance>().MigrateAsync(CancellationToken.None);
        var user = new WebUser { UserName = userName, DisplayName = "Demo " + userName, Roles = ["admin"], CreatedAt = DateTimeOffset.UtcNow };
        return await Users.SaveAsync(user with { PasswordHash = LocalAccounts.HashPassword(user, password) }, "test", CancellationToken.None);
    }

    private async Task<(int ExitCode, string Output, string Errors)> InvokeAsync(params string[] args)
    {
        var root = new RootCommand("test") { UserCommands.Create(() => Services) };
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await root.Parse(args, CliParser.Configuration()).InvokeAsync(new InvocationConfiguration { Output = output, Error = errors });
        return (exitCode, output.ToString(), errors.ToString());
    }
}
