using SocialWatch.TestSupport;

namespace SocialWatch.Host.Tests;

/// <summary>Databases on the run's shared throwaway PostgreSQL cluster, for tests that run hosts against PostgreSQL.</summary>
internal static class TestPostgres
{
    /// <summary>
    /// A new, empty database's connection string. Where PostgreSQL cannot start the test is inconclusive, unless the run
    /// requires it (CI), where it fails.
    /// </summary>
    public static async Task<string> CreateDatabaseAsync(string name)
    {
        PostgresServer server;
        try
        {
            server = await PostgresServer.StartSharedAsync();
        }
        catch (PostgresUnavailableException e) when (!PostgresServer.IsRequired)
        {
            Prerequisite.Missing($"PostgreSQL is not available here: {e.Message}");
            throw;
        }

        return await server.CreateDatabaseAsync(name);
    }
}
