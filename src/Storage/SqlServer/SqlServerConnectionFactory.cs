using Microsoft.Data.SqlClient;

namespace SocialWatch.Storage.SqlServer;

/// <summary>Opens pooled SqlClient connections (SqlClient pools by connection string).</summary>
internal sealed class SqlServerConnectionFactory(string connectionString)
{
    public string ConnectionString { get; } = connectionString;

    public async Task<SqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
