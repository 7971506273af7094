using Microsoft.Data.Sqlite;

namespace SocialWatch.Alerts.Tests.Digests;

/// <summary>A throwaway SQLite file with the production digest migration applied.</summary>
internal sealed class DigestSqliteDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"socialwatch-digest-{Guid.NewGuid():N}.db");

    public DigestSqliteDatabase()
    {
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false, ForeignKeys = true }.ToString();
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = ReadMigration("Sqlite", "0003_digests.sql");
        command.ExecuteNonQuery();
    }

    public string ConnectionString { get; }

    public static string ReadMigration(string dialect, string name)
    {
        var assembly = typeof(SocialWatch.Alerts.Digests.DigestJob).Assembly;
        var resource = $"SocialWatch.Alerts.Storage.{dialect}.Migrations.{name}";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded migration {resource} not found.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
