using DbUp.Builder;
using DbUp.Engine;
using Microsoft.Extensions.Logging;

namespace SocialWatch.Storage;

/// <summary>
/// Runs the numbered scripts embedded under <c>Storage/&lt;Dialect&gt;/Migrations/</c> through DbUp, which
/// journals each applied script in its SchemaVersions table so that a script runs once per database.
/// </summary>
internal static class MigrationRunner
{
    /// <summary>Every embedded script of a dialect, in name order, named by file name ("0001_initial.sql").</summary>
    public static IReadOnlyList<SqlScript> LoadScripts(StorageProvider provider)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"{typeof(MigrationRunner).Namespace}.{provider}.Migrations.";
        var scripts = new List<SqlScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new SqlScript(resource[prefix.Length..], reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return scripts;
    }

    /// <summary>Applies the scripts the database has not journaled yet; returns their names.</summary>
    public static IReadOnlyList<string> Run(UpgradeEngineBuilder builder, StorageProvider provider, ILogger logger, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var engine = builder
            .WithScripts(LoadScripts(provider))
            .WithScriptNameComparer(StringComparer.Ordinal)
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();

        var pending = engine.GetScriptsToExecute();
        if (pending.Count == 0)
        {
            StorageLog.SchemaUpToDate(logger, provider.ToString());
            return [];
        }

        StorageLog.ApplyingMigrations(logger, provider.ToString(), pending.Count);
        var result = engine.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Migration {result.ErrorScript?.Name ?? "(unknown script)"} failed on the {provider} database: {result.Error?.Message}",
                result.Error);
        }

        var applied = result.Scripts.Select(s => s.Name).ToList();
        foreach (var name in applied)
        {
            StorageLog.AppliedMigration(logger, provider.ToString(), name);
        }

        return applied;
    }
}
