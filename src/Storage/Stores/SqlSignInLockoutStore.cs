using Dapper;
using SocialWatch.Core.Access;

namespace SocialWatch.Storage.Stores;

/// <summary>
/// The statements of one dialect for <c>sign_in_lockouts</c>. <c>Ensure</c> takes @Key and @At and inserts an empty
/// record only when none exists; <c>Lock</c> reads the record of @Key holding its row lock until the transaction ends;
/// <c>Update</c> writes @Failures, @Locks, @LockedUntil and @At; <c>Audit</c> is the admin-audit insert.
/// </summary>
internal sealed record SignInLockoutSql(string Get, string Ensure, string Lock, string Update, string Audit, string Forget, string Prune);

/// <summary>
/// Failure records shared by every host. Counting is ensure-the-row, read it under its row lock, write the next state:
/// on PostgreSQL and SQL Server a second host counting the same key waits for the first one's commit and counts on
/// top of it; SQLite has one writer at a time.
/// </summary>
internal sealed class SqlSignInLockoutStore(SqlDialect dialect, SignInLockoutSql sql) : ISignInLockoutStore
{
    public const string Columns = "lockout_key AS LockoutKey, failures AS Failures, locks AS Locks, locked_until AS LockedUntil, last_failure_at AS LastFailureAt";

    public async Task<SignInLockoutRecord?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<LockoutRow>(new CommandDefinition(sql.Get, new { Key = key }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    public async Task<SignInFailureOutcome> RecordFailureAsync(SignInFailure failure, CancellationToken cancellationToken)
    {
        var at = dialect.ToDb(failure.At);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql.Ensure, new { failure.Key, At = at }, transaction, cancellationToken: cancellationToken));
        var current = await connection.QuerySingleAsync<LockoutRow>(new CommandDefinition(sql.Lock, new { failure.Key }, transaction, cancellationToken: cancellationToken));
        var before = current.ToRecord();
        var next = failure.Apply(before);
        await connection.ExecuteAsync(new CommandDefinition(sql.Update, new
        {
            failure.Key,
            next.Failures,
            next.Locks,
            LockedUntil = dialect.ToDb(next.LockedUntil),
            At = at,
        }, transaction, cancellationToken: cancellationToken));

        // Only the failure that starts a lock is audited: the tries refused while it lasts would flood the audit.
        var lockedNow = next.IsLockedAt(failure.At) && !before.IsLockedAt(failure.At);
        if (lockedNow)
        {
            var entry = failure.AuditEntry(next);
            await connection.ExecuteAsync(new CommandDefinition(sql.Audit, new
            {
                entry.Actor,
                At = at,
                entry.Area,
                entry.Subject,
                entry.Action,
                entry.Detail,
            }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return new SignInFailureOutcome(next, lockedNow);
    }

    public async Task ForgetAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql.Forget, new { Key = key }, cancellationToken: cancellationToken));
    }

    public async Task<int> PruneAsync(DateTimeOffset before, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            sql.Prune, new { Before = dialect.ToDb(before), Now = dialect.ToDb(now) }, cancellationToken: cancellationToken));
    }

    private sealed class LockoutRow
    {
        public string LockoutKey { get; init; } = "";

        public int Failures { get; init; }

        public int Locks { get; init; }

        public object? LockedUntil { get; init; }

        public object LastFailureAt { get; init; } = 0L;

        public SignInLockoutRecord ToRecord() =>
            new(LockoutKey, Failures, Locks, SqlDialect.FromDbNullable(LockedUntil), SqlDialect.FromDb(LastFailureAt));
    }
}

/// <summary>The statements SQLite and PostgreSQL share, around each one's row lock.</summary>
internal static class SignInLockoutStatements
{
    public static SignInLockoutSql With(string lockSql) => new(
        $"SELECT {SqlSignInLockoutStore.Columns} FROM sign_in_lockouts WHERE lockout_key = @Key",
        "INSERT INTO sign_in_lockouts (lockout_key, failures, locks, locked_until, last_failure_at) VALUES (@Key, 0, 0, NULL, @At) ON CONFLICT (lockout_key) DO NOTHING",
        lockSql,
        "UPDATE sign_in_lockouts SET failures = @Failures, locks = @Locks, locked_until = @LockedUntil, last_failure_at = @At WHERE lockout_key = @Key",
        "INSERT INTO admin_audit (actor, at, entity, entity_key, action, body) VALUES (@Actor, @At, @Area, @Subject, @Action, @Detail)",
        "DELETE FROM sign_in_lockouts WHERE lockout_key = @Key",
        "DELETE FROM sign_in_lockouts WHERE last_failure_at < @Before AND (locked_until IS NULL OR locked_until <= @Now)");
}

internal static class SqliteSignInLockoutSql
{
    public static readonly SignInLockoutSql Statements = SignInLockoutStatements.With(
        // The transaction began IMMEDIATE, so it already holds the database's one write lock.
        $"SELECT {SqlSignInLockoutStore.Columns} FROM sign_in_lockouts WHERE lockout_key = @Key");
}

internal static class PostgreSqlSignInLockoutSql
{
    public static readonly SignInLockoutSql Statements = SignInLockoutStatements.With(
        $"SELECT {SqlSignInLockoutStore.Columns} FROM sign_in_lockouts WHERE lockout_key = @Key FOR UPDATE");
}
