using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocialWatch.Storage;

namespace SocialWatch.Host.Tests.Cli;

/// <summary>
/// What a CLI verb's test runs the verb against: the storage over a SQLite file of its own (deleted afterwards), plus
/// whatever the verb needs beside it.
/// </summary>
internal sealed class CliStorage : IAsyncDisposable
{
    private readonly string _database;

    public CliStorage(string name, Action<IServiceCollection>? more = null)
    {
        _database = Path.Combine(Path.GetTempPath(), $"socialwatch-{name}-{Guid.NewGuid():N}.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["ConnectionStrings:SocialWatch"] = $"Data Source={_database}",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(TimeProvider.System);
        services.AddSocialWatchStorage(configuration);
        more?.Invoke(services);
        Services = services.BuildServiceProvider();
    }

    public ServiceProvider Services { get; }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(path);
        }
    }
}
