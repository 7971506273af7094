using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace SocialWatch.Alerts.Tests.Storage;

/// <summary>
/// Base of the store contracts: each test gets a prepared database of the dialect the sealed subclass names,
/// and the stores resolved through AddSocialWatchStorage with a fake clock.
/// </summary>
public abstract class StoreContract
{
    /// <summary>Millisecond-aligned: SQLite keeps milliseconds, and every dialect must give back what was stored.</summary>
    protected static readonly DateTimeOffset T0 = new(2026, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);

    private TestDatabase? _database;
    private ServiceProvider? _services;

    protected FakeTimeProvider Time { get; } = new(T0);

    protected IServiceProvider Services => _services ?? throw new InvalidOperationException("The database is not open.");

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("The database is not open.");

    protected static CancellationToken None => CancellationToken.None;

    protected T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Prepares the database of the dialect under test (migrated and empty unless a contract says otherwise).</summary>
    protected abstract Task<TestDatabase> OpenDatabaseAsync();

    [TestInitialize]
    public async Task OpenStorageAsync()
    {
        _database = await OpenDatabaseAsync();
        _services = StorageServices.Build(_database.Provider, _database.ConnectionString, Time);
    }

    [TestCleanup]
    public async Task CloseStorageAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
