using System.Reflection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using SocialWatch.Storage;
using SocialWatch.Storage.SqlServer;

namespace SocialWatch.Alerts.Tests.Storage;

/// <summary>
/// No SQL Server runs on the build machines, so every SQL Server statement and migration script is at least
/// parsed as T-SQL (SQL Server 2022 grammar). Statements are found by reflection, so a new one cannot escape.
/// </summary>
[TestClass]
public sealed class SqlServerSqlTests
{
    // Fewer than this means the discovery broke, not that the store shrank.
    private const int MinimumStatements = 25;

    public static IEnumerable<object[]> Statements() => SqlServerStatements().Select(s => new object[] { s.Name, s.Sql });

    public static IEnumerable<object[]> Scripts() =>
        MigrationRunner.LoadScripts(StorageProvider.SqlServer).Select(s => new object[] { s.Name, s.Contents });

    [TestMethod]
    public void Discovery_FindsEveryStatementOfTheSqlServerStores()
    {
        var statements = SqlServerStatements();

        Assert.IsGreaterThanOrEqualTo(MinimumStatements, statements.Count, string.Join(", ", statements.Select(s => s.Name)));
        var names = statements.Select(s => s.Name).ToList();
        CollectionAssert.Contains(names, "SqlServerMentionPageInsert.InsertMentionsSql");
        CollectionAssert.Contains(names, "SqlServerMentionSql.Statements.CreateCursorSql");
        CollectionAssert.Contains(names, "SqlServerAlertSql.Statements.ApplyChangeSql");
        CollectionAssert.Contains(names, "SqlServerIngestStateSql.Statements.AddReadsSql");
        CollectionAssert.Contains(names, "SqlServerFeedbackSql.Statements.AddLabelSql");
    }

    [TestMethod]
    [DynamicData(nameof(Statements))]
    public void Statement_ParsesAsTSql(string name, string sql)
    {
        var errors = Parse(sql);

        Assert.IsEmpty(errors, $"{name}: {string.Join("; ", errors)}");
    }

    [TestMethod]
    public void MigrationScripts_AreEmbeddedAndNumbered()
    {
        var names = MigrationRunner.LoadScripts(StorageProvider.SqlServer).Select(s => s.Name).ToList();

        Assert.IsNotEmpty(names);
        Assert.AreEqual("0001_initial.sql", names[0]);
        foreach (var name in names)
        {
            StringAssert.Matches(name, new System.Text.RegularExpressions.Regex(@"^\d{4}_[a-z0-9_]+\.sql$"));
        }
    }

    [TestMethod]
    [DynamicData(nameof(Scripts))]
    public void MigrationScript_ParsesAsTSql(string name, string script)
    {
        var errors = Parse(script);

        Assert.IsEmpty(errors, $"{name}: {string.Join("; ", errors)}");
    }

    [TestMethod]
    public void Parse_RejectsSqlFromAnotherDialect()
    {
        var errors = Parse("SELECT id FROM dbo.mentions ORDER BY id DESC LIMIT 10");

        Assert.IsNotEmpty(errors);
    }

    private static List<string> Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
    }

    /// <summary>
    /// Every SQL Server statement of the stores: the <c>…Sql</c> constants of the SqlServer namespace, and the
    /// <c>…Sql</c> string members of the statement records (<c>FeedbackSql</c>, <c>MentionSql</c> and the like) its static fields hold.
    /// </summary>
    internal static List<(string Name, string Sql)> SqlServerStatements() =>
        typeof(SqlServerConnectionFactory).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(SqlServerConnectionFactory).Namespace)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(f => !f.Name.Contains('<', StringComparison.Ordinal))
                .SelectMany(f => StatementsOf(t, f)))
            .OrderBy(s => s.Item1, StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<(string Name, string Sql)> StatementsOf(Type type, FieldInfo field)
    {
        if (field is { IsLiteral: true } && field.FieldType == typeof(string))
        {
            return field.Name.EndsWith("Sql", StringComparison.Ordinal) ? [($"{type.Name}.{field.Name}", (string)field.GetRawConstantValue()!)] : [];
        }

        if (field.IsLiteral || field.FieldType.IsPrimitive || field.FieldType == typeof(string) || field.GetValue(null) is not { } statements)
        {
            return [];
        }

        return field.FieldType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.Name.EndsWith("Sql", StringComparison.Ordinal))
            .Select(p => (Name: $"{type.Name}.{field.Name}.{p.Name}", Sql: (string?)p.GetValue(statements)))
            .Where(s => s.Sql is not null)
            .Select(s => (s.Name, s.Sql!));
    }
}
