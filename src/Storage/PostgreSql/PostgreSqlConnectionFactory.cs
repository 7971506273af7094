using Npgsql;

namespace SocialWatch.Storage.PostgreSql;

/// <summary>One pooled <see cref="NpgsqlDataSource"/> per process; disposed with the service provider.</summary>
internal sealed class PostgreSqlConnectionFactory(string connectionString) : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public string ConnectionString { get; } = connectionString;

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();
}
