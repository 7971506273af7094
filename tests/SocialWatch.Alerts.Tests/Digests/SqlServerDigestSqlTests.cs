using System.Reflection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using SocialWatch.Alerts.Digests.SqlServer;

namespace SocialWatch.Alerts.Tests.Digests;

/// <summary>
/// No SQL Server runs here, so every SQL Server statement of the digests is at least parsed as T-SQL. Statements are
/// found by reflection (const string fields ending in "Sql" of the types in the digests' SqlServer namespace).
/// </summary>
[TestClass]
public sealed class SqlServerDigestSqlTests
{
    public static IEnumerable<object[]> Statements() => DigestStatements().Select(s => new object[] { s.Name, s.Sql });

    [TestMethod]
    public void Discovery_FindsTheStatementsOfStoreAndQueries()
    {
        var names = DigestStatements().Select(s => s.Name).ToList();

        CollectionAssert.Contains(names, "SqlServerDigestStore.ClaimRunSql");
        CollectionAssert.Contains(names, "SqlServerDigestStore.InsertRunSql");
        CollectionAssert.Contains(names, "SqlServerDigestDataSource.ComplaintReasonsSql");
        Assert.IsGreaterThanOrEqualTo(18, names.Count, string.Join(", ", names));
    }

    [TestMethod]
    [DynamicData(nameof(Statements))]
    public void Statement_ParsesAsTSql(string name, string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);

        parser.Parse(reader, out var errors);

        Assert.IsEmpty(errors, $"{name}: {string.Join("; ", errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}"))}");
    }

    private static List<(string Name, string Sql)> DigestStatements() =>
        typeof(SqlServerDigestStore).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(SqlServerDigestStore).Namespace)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string) && f.Name.EndsWith("Sql", StringComparison.Ordinal))
                .Select(f => ($"{t.Name}.{f.Name}", (string)f.GetRawConstantValue()!)))
            .OrderBy(s => s.Item1, StringComparer.Ordinal)
            .ToList();
}
