using SocialWatch.Storage.Standard;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Sqlite;

internal static class SqliteModelVersionSql
{
    public static readonly ModelVersionSql Statements = new(
        InsertSql: StandardModelVersionSql.InsertSql,
        ListSql: StandardModelVersionSql.ListSql,
        ArchiveSql: StandardModelVersionSql.ArchiveSql,
        PromotedSql: StandardModelVersionSql.PromotedSql,
        // The store's transaction is SQLite's write transaction (BEGIN IMMEDIATE): a second promotion waits for it.
        LockPromotedSql: StandardModelVersionSql.PromotedSql,
        FindSql: StandardModelVersionSql.FindSql,
        SetReplacedSql: StandardModelVersionSql.SetReplacedSql,
        UpsertPromotedSql: StandardModelVersionSql.UpsertPromotedSql,
        AuditSql: StandardModelVersionSql.AuditSql);
}
