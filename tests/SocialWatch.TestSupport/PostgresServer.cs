using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace SocialWatch.TestSupport;

/// <summary>
/// A real, throwaway PostgreSQL server for a test run, started from the local binaries (initdb, pg_ctl) in a temp
/// directory on a free port, listening on 127.0.0.1 only. One server is shared by a test assembly:
/// call <see cref="StartSharedAsync"/> from tests (it starts the server once) and <see cref="StopSharedAsync"/>
/// from [AssemblyCleanup]. When <c>SOCIALWATCH_TEST_POSTGRES</c> holds a connection string, that server is used instead.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string ConnectionStringVariable = "SOCIALWATCH_TEST_POSTGRES";

    private static readonly Lock SharedLock = new();
    private static Task<PostgresServer>? s_shared;

    private readonly string? _dataRoot;
    private readonly string? _binDirectory;
    private readonly bool _runAsPostgresUser;
    private int _disposed;

    private PostgresServer(string adminConnectionString, string? dataRoot, string? binDirectory, bool runAsPostgresUser)
    {
        AdminConnectionString = adminConnectionString;
        _dataRoot = dataRoot;
        _binDirectory = binDirectory;
        _runAsPostgresUser = runAsPostgresUser;
    }

    /// <summary>Connection string to the server's maintenance database ("postgres").</summary>
    public string AdminConnectionString { get; }

    /// <summary>True when the server was started by this process (not given by <see cref="ConnectionStringVariable"/>).</summary>
    public bool IsOwned => _dataRoot is not null;

    /// <summary>True when PostgreSQL tests must run and fail instead of being skipped (CI sets CI=true).</summary>
    public static bool IsRequired => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The server shared by this test process, started on first use. Throws <see cref="PostgresUnavailableException"/>
    /// when no PostgreSQL binaries are installed and CI is not set (tests should then be marked inconclusive).
    /// </summary>
    public static Task<PostgresServer> StartSharedAsync()
    {
        lock (SharedLock)
        {
            return s_shared ??= StartAsync();
        }
    }

    /// <summary>Stops the shared server if one was started; for [AssemblyCleanup].</summary>
    public static async Task StopSharedAsync()
    {
        Task<PostgresServer>? shared;
        lock (SharedLock)
        {
            shared = s_shared;
            s_shared = null;
        }

        if (shared is { IsCompletedSuccessfully: true })
        {
            await shared.Result.DisposeAsync();
        }
    }

    /// <summary>Creates an empty database (dropping one of the same name) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException("Database names for tests use letters, digits and '_' only.", nameof(name));
        }

        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>.</summary>
    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataRoot is null || _binDirectory is null || Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", DataDirectory(_dataRoot), "-m", "immediate", "-w", "stop"], _runAsPostgresUser);
        }
        finally
        {
            try
            {
                Directory.Delete(_dataRoot, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a dying backend; the OS temp cleaner removes the rest.
            }
        }
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return new PostgresServer(given, null, null, false);
        }

        var bin = FindBinaries();
        if (bin is null)
        {
            var message = "PostgreSQL binaries (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/*/bin; "
                + $"install PostgreSQL (apt-get install postgresql) or set {ConnectionStringVariable} to a connection string.";
            if (IsRequired)
            {
                throw new InvalidOperationException(message + " PostgreSQL tests must run in CI (CI=true).");
            }

            throw new PostgresUnavailableException(message);
        }

        // initdb refuses to run as root, so as root the server runs as Debian's unprivileged "postgres" user.
        var asPostgres = Environment.IsPrivilegedProcess;
        var root = Path.Combine(Path.GetTempPath(), "socialwatch-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        try
        {
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            var passwordFile = Path.Combine(root, "pwfile");
            await File.WriteAllTextAsync(passwordFile, password + "\n");
            if (asPostgres)
            {
                await RunAsync("chown", ["-R", "postgres:postgres", root], runAsPostgresUser: false);
            }

            var data = DataDirectory(root);
            await RunAsync(Path.Combine(bin, "initdb"),
                ["-D", data, "-U", "postgres", "--auth=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                asPostgres);
            File.Delete(passwordFile);

            // The free port is only free when asked; another process may take it before the server binds, so retry.
            var port = 0;
            for (var attempt = 1; ; attempt++)
            {
                port = FreePort();
                var options = $"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root} "
                    + "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
                try
                {
                    await RunAsync(Path.Combine(bin, "pg_ctl"),
                        ["-D", data, "-l", Path.Combine(root, "server.log"), "-o", options, "-w", "-t", "60", "start"],
                        asPostgres);
                    break;
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                }
            }

            var admin = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Username = "postgres",
                Password = password,
                Database = "postgres",
                Pooling = true,
                MaxPoolSize = 50,
            }.ConnectionString;
            var server = new PostgresServer(admin, root, bin, asPostgres);

            // A crashed or killed test run must not leave a server behind.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return server;
        }
        catch
        {
            TryDelete(root);
            throw;
        }
    }

    private static string DataDirectory(string root) => Path.Combine(root, "data");

    private static string? FindBinaries()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl")))
            {
                return directory;
            }
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot))
        {
            return null;
        }

        return Directory.GetDirectories(debianRoot)
            .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, Bin: Path.Combine(d, "bin")))
            .Where(c => File.Exists(Path.Combine(c.Bin, "initdb")) && File.Exists(Path.Combine(c.Bin, "pg_ctl")))
            .OrderByDescending(c => c.Version)
            .Select(c => c.Bin)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool runAsPostgresUser)
    {
        var start = new ProcessStartInfo
        {
            FileName = runAsPostgresUser ? "runuser" : file,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAsPostgresUser)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(file)} exited with {process.ExitCode}: {(await stderr).Trim()} {(await stdout).Trim()}");
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>No PostgreSQL is installed and CI is not set: PostgreSQL tests should be reported as inconclusive.</summary>
public sealed class PostgresUnavailableException(string message) : Exception(message);
