using Microsoft.SqlServer.TransactSql.ScriptDom;
using SocialWatch.Alerts.Tests.Storage;

namespace SocialWatch.Alerts.Tests.Digests;

/// <summary>
/// No SQL Server runs here, so every SQL Server statement of the digests is at least parsed as T-SQL. Statements are
/// found by reflection, as for the other stores (<see cref="SqlServerSqlTests.SqlServerStatements"/>): the digests' are
/// those of the SqlServerDigest… statement records.
/// </summary>
[TestClass]
public sealed class SqlServerDigestSqlTests
{
    public static IEnumerable<object[]> Statements() => DigestStatements().Select(s => new object[] { s.Name, s.Sql });

    [TestMethod]
    public void Discovery_FindsTheStatementsOfStoreAndQueries()
    {
        var names = DigestStatements().Select(s => s.Name).ToList();

        CollectionAssert.Contains(names, "SqlServerDigestSql.Statements.ClaimRunSql");
        CollectionAssert.Contains(names, "SqlServerDigestSql.Statements.InsertRunSql");
        CollectionAssert.Contains(names, "SqlServerDigestDataSql.Statements.ComplaintReasonsSql");
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
        [.. SqlServerSqlTests.SqlServerStatements().Where(s => s.Name.StartsWith("SqlServerDigest", StringComparison.Ordinal))];
}
