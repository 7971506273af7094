using Dapper;

namespace SocialWatch.Storage.Stores;

/// <summary>The statements of one dialect for <c>data_protection_keys</c>: <c>List</c> selects xml oldest first; <c>Insert</c> takes @Name, @Xml and @At.</summary>
internal sealed record DataProtectionKeySql(string List, string Insert);

internal sealed class SqlDataProtectionKeyStore(SqlDialect dialect, TimeProvider time, DataProtectionKeySql sql) : IDataProtectionKeyStore
{
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(sql.List, cancellationToken: cancellationToken))];
    }

    public async Task AddAsync(string friendlyName, string xml, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql.Insert, new { Name = friendlyName, Xml = xml, At = dialect.ToDb(time.GetUtcNow()) }, cancellationToken: cancellationToken));
    }
}

internal static class DataProtectionKeyStatements
{
    public static readonly DataProtectionKeySql Unqualified = new(
        "SELECT xml FROM data_protection_keys ORDER BY id",
        "INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@Name, @Xml, @At)");
}

internal static class SqliteDataProtectionKeySql
{
    public static readonly DataProtectionKeySql Statements = DataProtectionKeyStatements.Unqualified;
}

internal static class PostgreSqlDataProtectionKeySql
{
    public static readonly DataProtectionKeySql Statements = DataProtectionKeyStatements.Unqualified;
}
