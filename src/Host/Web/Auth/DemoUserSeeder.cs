using Microsoft.Extensions.Options;
using SocialWatch.Core.Access;
using SocialWatch.Core.Storage;

namespace SocialWatch.Host.Web.Auth;

/// <summary>
/// Creates the demo accounts agent, pr, manager and admin on first start of the embedded default (SQLite, no users
/// yet), so that a newcomer can sign in. Refuses on a shared database unless explicitly allowed.
/// </summary>
internal sealed class DemoUserSeeder(
    IUserStore users,
    IStorageMaintenance storage,
    IOptions<WebOptions> options,
    TimeProvider time,
    ILogger<DemoUserSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await users.CountAsync(cancellationToken) > 0)
        {
            return;
        }

        var demo = options.Value.DemoUsers;
        if (!demo.Enabled)
        {
            WebLog.NoUsers(logger);
            return;
        }

        if (!string.Equals(storage.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase) && !demo.AllowOnSharedDatabase)
        {
            WebLog.DemoUsersRefused(logger, storage.Provider);
            return;
        }

        // Without a configured password a random one is made and shown once in the log, so no password sits in the repo.
        var generated = string.IsNullOrEmpty(demo.Password);
        var password = generated ? ApiKeyGenerator.NewKey()[3..19] : demo.Password!;
        var now = time.GetUtcNow();
        foreach (var role in SocialWatchRoles.All)
        {
            var user = new WebUser { UserName = role, DisplayName = $"Demo {role}", Roles = [role], CreatedAt = now };
            await users.SaveAsync(user with { PasswordHash = LocalAccounts.HashPassword(user, password) }, "setup", cancellationToken);
        }

        if (generated)
        {
            WebLog.DemoUsersCreatedWithGeneratedPassword(logger, string.Join(", ", SocialWatchRoles.All), password);
        }
        else
        {
            WebLog.DemoUsersCreated(logger, string.Join(", ", SocialWatchRoles.All));
        }
    }
}
