using System.Text.RegularExpressions;
using SocialWatch.Storage;

namespace SocialWatch.Alerts.Tests.Storage;

[TestClass]
public sealed partial class MigrationRunnerTests
{
    [TestMethod]
    public void LoadScripts_GivesEveryDialectTheSameNumberedScripts()
    {
        var sqlite = Names(StorageProvider.Sqlite);
        var postgreSql = Names(StorageProvider.PostgreSql);
        var sqlServer = Names(StorageProvider.SqlServer);

        Assert.IsNotEmpty(sqlite);
        CollectionAssert.AreEqual(sqlite, postgreSql, "PostgreSQL scripts differ from SQLite's");
        CollectionAssert.AreEqual(sqlite, sqlServer, "SQL Server scripts differ from SQLite's");
    }

    [TestMethod]
    public void LoadScripts_NamesAreNumbered_AndInOrdinalOrder()
    {
        foreach (var provider in Enum.GetValues<StorageProvider>())
        {
            var names = Names(provider);

            CollectionAssert.AreEqual(names.Order(StringComparer.Ordinal).ToList(), names, provider.ToString());
            foreach (var name in names)
            {
                Assert.IsTrue(ScriptName().IsMatch(name), $"{provider}: '{name}' is not named like 0001_what_it_does.sql");
            }
        }
    }

    [TestMethod]
    public void LoadScripts_ReadsTheScriptText()
    {
        var script = MigrationRunner.LoadScripts(StorageProvider.PostgreSql)[0];

        StringAssert.Contains(script.Contents, "CREATE TABLE mentions");
    }

    private static List<string> Names(StorageProvider provider) => MigrationRunner.LoadScripts(provider).Select(s => s.Name).ToList();

    [GeneratedRegex(@"^\d{4}_[a-z0-9_]+\.sql$")]
    private static partial Regex ScriptName();
}
