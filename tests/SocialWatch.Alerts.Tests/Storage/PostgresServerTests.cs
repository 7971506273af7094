using Npgsql;
using SocialWatch.TestSupport;

namespace SocialWatch.Alerts.Tests.Storage;

[TestClass]
public sealed class PostgresServerTests
{
    [TestMethod]
    public async Task StartShared_GivesTheSameLoopbackServer_WhereDatabasesCanBeCreatedAndDropped()
    {
        var server = await SharedAsync();
        var again = await PostgresServer.StartSharedAsync();

        var connectionString = await server.CreateDatabaseAsync("sw_server_check");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT current_database()", connection);
            Assert.AreEqual("sw_server_check", await command.ExecuteScalarAsync());
        }

        await server.DropDatabaseAsync("sw_server_check");

        Assert.AreSame(server, again);
        if (server.IsOwned)
        {
            Assert.AreEqual("127.0.0.1", new NpgsqlConnectionStringBuilder(server.AdminConnectionString).Host);
        }
    }

    [TestMethod]
    public async Task CreateDatabase_RefusesNamesThatAreNotPlainIdentifiers()
    {
        var server = await SharedAsync();

        await Assert.ThrowsExactlyAsync<ArgumentException>(() => server.CreateDatabaseAsync("x\"; DROP DATABASE postgres; --"));
    }

    private static async Task<PostgresServer> SharedAsync()
    {
        try
        {
            return await PostgresServer.StartSharedAsync();
        }
        catch (PostgresUnavailableException e)
        {
            Prerequisite.Missing(e.Message);
            throw;
        }
    }
}
