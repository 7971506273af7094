using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.PostgreSql;

internal static class PostgreSqlModelVersionSql
{
    public static readonly ModelVersionSql Statements = new(
        InsertSql: StandardModelVersionSql.InsertSql,
        ListSql: StandardModelVersionSql.ListSql,
        ArchiveSql: StandardModelVersionSql.ArchiveSql,
        PromotedSql: StandardModelVersionSql.PromotedSql,
        // Two admins promoting at once: the second waits here and then sees the first one's version as the one it replaces.
        LockPromotedSql: StandardModelVersionSql.PromotedSql + " FOR UPDATE",
        FindSql: StandardModelVersionSql.FindSql,
        SetReplacedSql: StandardModelVersionSql.SetReplacedSql,
        UpsertPromotedSql: StandardModelVersionSql.UpsertPromotedSql,
        AuditSql: StandardModelVersionSql.AuditSql);
}
