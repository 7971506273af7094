using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SocialWatch.Alerts.Tests.Architecture;

/// <summary>
/// The project boundaries the design depends on, read from the source tree: Ingest, Scoring, Alerts and Storage meet
/// through Core only, and SQL lives in Storage alone.
/// </summary>
[TestClass]
public sealed partial class ProjectBoundariesTests
{
    [TestMethod]
    [DataRow("Core", new string[0])]
    [DataRow("Storage", new[] { "Core" })]
    [DataRow("Ingest", new[] { "Core" })]
    [DataRow("Scoring", new[] { "Core" })]
    [DataRow("Alerts", new[] { "Core" })]
    public void Project_ReferencesOnlyCore(string project, string[] allowed)
    {
        var csproj = Path.Combine(Root(), "src", project, $"SocialWatch.{project}.csproj");
        var references = XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension((string?)r.Attribute("Include") ?? ""))
            .Select(name => name.Replace("SocialWatch.", "", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

        CollectionAssert.AreEqual(allowed, references, $"{project} references {string.Join(", ", references)}");
    }

    [TestMethod]
    public void OnlyStorage_UsesDapperOrADatabaseDriver()
    {
        var offenders = new List<string>();
        foreach (var project in new[] { "Core", "Ingest", "Scoring", "Alerts", "Host" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Root(), "src", project), "*.cs", SearchOption.AllDirectories))
            {
                if (DatabaseUsing().IsMatch(File.ReadAllText(file)))
                {
                    offenders.Add(Path.GetRelativePath(Root(), file));
                }
            }
        }

        Assert.IsEmpty(offenders, string.Join(", ", offenders));
    }

    [TestMethod]
    public void Alerts_HasNoSqlFilesOrDatabasePackages()
    {
        var alerts = Path.Combine(Root(), "src", "Alerts");
        Assert.IsEmpty(Directory.EnumerateFiles(alerts, "*.sql", SearchOption.AllDirectories).ToList());

        var packages = XDocument.Load(Path.Combine(alerts, "SocialWatch.Alerts.csproj")).Descendants("PackageReference")
            .Select(p => (string?)p.Attribute("Include") ?? "")
            .Where(p => p is "Dapper" or "Npgsql" or "Microsoft.Data.Sqlite" or "Microsoft.Data.SqlClient" || p.StartsWith("dbup", StringComparison.Ordinal))
            .ToList();
        Assert.IsEmpty(packages, string.Join(", ", packages));
    }

    [GeneratedRegex(@"^\s*using\s+(Dapper|Npgsql|Microsoft\.Data\.Sqlite|Microsoft\.Data\.SqlClient|DbUp)\b", RegexOptions.Multiline)]
    private static partial Regex DatabaseUsing();

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialWatch.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No SocialWatch.sln above {AppContext.BaseDirectory}.");
    }
}
