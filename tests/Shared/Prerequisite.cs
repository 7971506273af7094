using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SocialWatch.TestSupport;

/// <summary>
/// What a test does when something it needs (a browser, a database server, the shared data, an SMTP server) is
/// missing: on CI (<c>CI=true</c>) the test fails, so a broken install cannot pass as a green run of skipped tests;
/// elsewhere it is inconclusive, so a developer without the tool still runs the rest.
/// </summary>
/// <remarks>
/// The one skip that CI expects is SQL Server's (no server can run here): <see cref="SqlServerMissing"/> marks it with
/// <see cref="SqlServerSkipMarker"/>, and <c>scripts/test.sh</c> fails a run in which any other test was skipped.
/// </remarks>
internal static class Prerequisite
{
    /// <summary>The start of every expected skip's message; scripts/test.sh counts only these as allowed.</summary>
    public const string SqlServerSkipMarker = "No SQL Server here";

    /// <summary>True when prerequisites are required (CI sets CI=true).</summary>
    public static bool IsRequired => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Fails the test on CI, marks it inconclusive elsewhere. Never returns.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Missing(string message)
    {
        if (IsRequired)
        {
            Assert.Fail("Missing prerequisite on CI: " + message);
        }

        Assert.Inconclusive(message);
        throw new InvalidOperationException(message);
    }

    /// <summary>The SQL Server contract tests' skip: expected everywhere no server is named.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void SqlServerMissing(string variable)
    {
        Assert.Inconclusive($"{SqlServerSkipMarker}: set {variable} to a connection string to run the SQL Server contract tests.");
        throw new InvalidOperationException(variable);
    }
}
