using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

internal static class SqlServerDataProtectionKeySql
{
    private const string ListSql = "SELECT xml FROM dbo.data_protection_keys ORDER BY id;";
    private const string InsertSql = "INSERT INTO dbo.data_protection_keys (friendly_name, xml, created_at) VALUES (@Name, @Xml, @At);";

    public static readonly DataProtectionKeySql Statements = new(ListSql, InsertSql);
}
