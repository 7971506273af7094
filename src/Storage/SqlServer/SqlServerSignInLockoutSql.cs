using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

internal static class SqlServerSignInLockoutSql
{
    private const string GetSql = $"SELECT {SqlSignInLockoutStore.Columns} FROM dbo.sign_in_lockouts WHERE lockout_key = @Key;";

    // UPDLOCK + HOLDLOCK: two hosts ensuring the same new key serialise on the key's range instead of both inserting.
    private const string EnsureSql = """
        INSERT INTO dbo.sign_in_lockouts (lockout_key, failures, locks, locked_until, last_failure_at)
        SELECT @Key, 0, 0, NULL, @At
        WHERE NOT EXISTS (SELECT 1 FROM dbo.sign_in_lockouts WITH (UPDLOCK, HOLDLOCK) WHERE lockout_key = @Key);
        """;

    private const string LockSql = $"SELECT {SqlSignInLockoutStore.Columns} FROM dbo.sign_in_lockouts WITH (UPDLOCK, ROWLOCK) WHERE lockout_key = @Key;";
    private const string UpdateSql = "UPDATE dbo.sign_in_lockouts SET failures = @Failures, locks = @Locks, locked_until = @LockedUntil, last_failure_at = @At WHERE lockout_key = @Key;";
    private const string AuditSql = "INSERT INTO dbo.admin_audit (actor, at, entity, entity_key, action, body) VALUES (@Actor, @At, @Area, @Subject, @Action, @Detail);";
    private const string ForgetSql = "DELETE FROM dbo.sign_in_lockouts WHERE lockout_key = @Key;";
    private const string PruneSql = "DELETE FROM dbo.sign_in_lockouts WHERE last_failure_at < @Before AND (locked_until IS NULL OR locked_until <= @Now);";

    public static readonly SignInLockoutSql Statements = new(GetSql, EnsureSql, LockSql, UpdateSql, AuditSql, ForgetSql, PruneSql);
}
