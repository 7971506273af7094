using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

internal sealed class SqlServerStorageIdentityStore(SqlServerDialect dialect, TimeProvider time)
    : SqlStorageIdentityStore(dialect, time, new(ReadSql, InsertSql, ProbeSql), nameof(StorageProvider.SqlServer))
{
    private const string ReadSql = "SELECT stamp FROM dbo.storage_identity WHERE id = 1;";
    private const string InsertSql = "INSERT INTO dbo.storage_identity (id, stamp, created_at) SELECT 1, @Stamp, @At WHERE NOT EXISTS (SELECT 1 FROM dbo.storage_identity);";
    private const string ProbeSql = "UPDATE dbo.storage_identity SET checked_at = @At, checked_by = @By WHERE id = 1 AND stamp = @Stamp;";
}
