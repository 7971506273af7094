using SocialWatch.Alerts.Storage.Workflow;

namespace SocialWatch.Alerts.Storage.SqlServer;

internal sealed class SqlServerDataProtectionKeyStore(SqlServerDialect dialect, TimeProvider time)
    : SqlDataProtectionKeyStore(dialect, time, new(ListSql, InsertSql))
{
    private const string ListSql = "SELECT xml FROM dbo.data_protection_keys ORDER BY id;";
    private const string InsertSql = "INSERT INTO dbo.data_protection_keys (friendly_name, xml, created_at) VALUES (@Name, @Xml, @At);";
}
