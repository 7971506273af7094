using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SocialWatch.Storage.Sqlite;

/// <summary>
/// Opens connections to the SQLite file with the settings every connection needs: foreign keys on, a busy
/// timeout so that a second writer waits instead of failing, and WAL so that readers never block the writer.
/// </summary>
internal sealed class SqliteConnectionFactory
{
    // synchronous=NORMAL is safe in WAL mode (no corruption on power loss, at most the last commits are lost)
    // and removes an fsync per transaction, which the ingest rate needs.
    // wal_autocheckpoint: the default (1,000 pages) checkpoints every few ingest pages, and each checkpoint copies
    // back the same author-index pages that the next pages dirty again; 10,000 pages (~40 MiB of WAL) lets those
    // writes coalesce. Commits are as durable as before: the checkpoint only moves committed pages into the file.
    // journal_size_limit truncates the WAL after a checkpoint so a burst does not leave a large file behind.
    private const string ConnectionPragmasSql = """
        PRAGMA busy_timeout = 10000;
        PRAGMA synchronous = NORMAL;
        PRAGMA wal_autocheckpoint = 10000;
        PRAGMA journal_size_limit = 67108864;
        """;

    private const string WalSql = "PRAGMA journal_mode = WAL;";

    private readonly string _connectionString;
    private readonly bool _isFile;
    private volatile bool _walEnabled;

    // These settings live on the native connection, which the pool hands out again with the settings still in place,
    // so they are applied once per native connection rather than on every open (three opens per ingest page).
    private readonly ConditionalWeakTable<sqlite3, object> _configured = new();

    public SqliteConnectionFactory(string connectionString)
    {
        // Foreign Keys=True makes every open (pooled or not) switch foreign key enforcement on.
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true };
        _isFile = builder.Mode != SqliteOpenMode.Memory && builder.DataSource is not ("" or ":memory:");
        if (_isFile)
        {
            DatabaseFile = Path.GetFullPath(builder.DataSource);
            var directory = Path.GetDirectoryName(DatabaseFile);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        _connectionString = builder.ToString();
    }

    public string ConnectionString => _connectionString;

    /// <summary>Full path of the database file; null for an in-memory database.</summary>
    public string? DatabaseFile { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            using var command = connection.CreateCommand();
            if (_isFile && !_walEnabled)
            {
                // journal_mode is stored in the file; setting it once per process is enough.
                command.CommandText = WalSql;
                await command.ExecuteNonQueryAsync(cancellationToken);
                _walEnabled = true;
            }

            var handle = connection.Handle!;
            if (!_configured.TryGetValue(handle, out _))
            {
                command.CommandText = ConnectionPragmasSql;
                await command.ExecuteNonQueryAsync(cancellationToken);
                _configured.AddOrUpdate(handle, handle);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
