using SocialWatch.TestSupport;

namespace SocialWatch.Host.Tests;

[TestClass]
public static class AssemblyHooks
{
    // Test classes run in parallel and share one PostgreSQL server: only the end of the whole run may stop it.
    [AssemblyCleanup]
    public static Task StopPostgresAsync() => PostgresServer.StopSharedAsync();
}
