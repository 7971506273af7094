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
    /// <summary>Creates the demo accounts when there are no users; says which demo accounts exist for the start-up banner.</summary>
    public async Task<DemoAccounts> SeedAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value.DemoUsers;
        if (await users.CountAsync(cancellationToken) > 0)
        {
            var existing = new List<string>();
            foreach (var role in SocialWatchRoles.All)
            {
                if (demo.Enabled && await users.FindAsync(role, cancellationToken) is { Disabled: false } user && user.DisplayName == DisplayName(role))
                {
                    existing.Add(role);
                }
            }

            return new DemoAccounts(existing, GeneratedPassword: null, FromSettings: !string.IsNullOrEmpty(demo.Password));
        }

        if (!demo.Enabled)
        {
            WebLog.NoUsers(logger);
            return DemoAccounts.None;
        }

        if (!string.Equals(storage.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase) && !demo.AllowOnSharedDatabase)
        {
            WebLog.DemoUsersRefused(logger, storage.Provider);
            return DemoAccounts.None;
        }

        // Without a configured password a random one is made and shown once in the log, so no password sits in the repo.
        var generated = string.IsNullOrEmpty(demo.Password);
        var password = generated ? ApiKeyGenerator.NewKey()[3..19] : demo.Password!;
        var now = time.GetUtcNow();
        foreach (var role in SocialWatchRoles.All)
        {
            var user = new WebUser { UserName = role, DisplayName = DisplayName(role), Roles = [role], CreatedAt = now };
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

        return new DemoAccounts([.. SocialWatchRoles.All], generated ? password : null, FromSettings: !generated);
    }

    private static string DisplayName(string role) => $"Demo {role}";
}

/// <summary>The demo accounts this host has, for the start-up banner.</summary>
/// <param name="UserNames">Demo accounts that exist and are enabled.</param>
/// <param name="GeneratedPassword">The password made at this start (shown once); null on later starts.</param>
/// <param name="FromSettings">The password is the one in Web:DemoUsers:Password.</param>
internal sealed record DemoAccounts(IReadOnlyList<string> UserNames, string? GeneratedPassword, bool FromSettings)
{
    public static readonly DemoAccounts None = new([], null, false);
}
