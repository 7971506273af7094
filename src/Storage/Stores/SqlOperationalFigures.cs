using Dapper;
using SocialWatch.Core.Storage;

namespace SocialWatch.Storage.Stores;

/// <summary>The statements one dialect runs for the operational figures.</summary>
internal sealed record OperationalFiguresSql(string WatchEntriesSql);

/// <summary>Operational figures over any dialect.</summary>
internal sealed class SqlOperationalFigures(SqlDialect dialect, OperationalFiguresSql sql) : IOperationalFigures
{
    public async Task<long> CountWatchEntriesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql.WatchEntriesSql, cancellationToken: cancellationToken));
    }
}
