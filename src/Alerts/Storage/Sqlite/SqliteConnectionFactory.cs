using Microsoft.Data.Sqlite;

namespace SocialWatch.Alerts.Storage.Sqlite;

/// <summary>
/// Opens connections to the SQLite file with the settings every connection needs: foreign keys on, a busy
/// timeout so that a second writer waits instead of failing, and WAL so that readers never block the writer.
/// </summary>
internal sealed class SqliteConnectionFactory
{
    // synchronous=NORMAL is safe in WAL mode (no corruption on power loss, at most the last commits are lost)
    // and removes an fsync per transaction, which the ingest rate needs.
    private const string ConnectionPragmasSql = """
        PRAGMA busy_timeout = 10000;
        PRAGMA synchronous = NORMAL;
        """;

    private const string WalSql = "PRAGMA journal_mode = WAL;";

    private readonly string _connectionString;
    private readonly bool _isFile;
    private volatile bool _walEnabled;

    public SqliteConnectionFactory(string connectionString)
    {
        // Foreign Keys=True makes every open (pooled or not) switch foreign key enforcement on.
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true };
        _isFile = builder.Mode != SqliteOpenMode.Memory && builder.DataSource is not ("" or ":memory:");
        if (_isFile)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        _connectionString = builder.ToString();
    }

    public string ConnectionString => _connectionString;

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

            command.CommandText = ConnectionPragmasSql;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
