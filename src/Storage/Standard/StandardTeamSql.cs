using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>Statements SQLite and PostgreSQL both accept word for word (SQL Server has its own).</summary>
internal static class StandardTeamSql
{
    private const string GetSql = "SELECT body FROM teams WHERE name = @name";
    private const string ListSql = "SELECT body FROM teams ORDER BY name";
    private const string UpsertSql = """
        INSERT INTO teams (name, body, updated_at, updated_by) VALUES (@Name, @Body, @At, @Actor)
        ON CONFLICT (name) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by
        """;
    private const string GetLastAssigneeSql = "SELECT last_assignee FROM team_rotation WHERE team = @team";
    private const string SetLastAssigneeSql = """
        INSERT INTO team_rotation (team, last_assignee, updated_at) VALUES (@team, @userId, @At)
        ON CONFLICT (team) DO UPDATE SET last_assignee = excluded.last_assignee, updated_at = excluded.updated_at
        """;

    public static readonly TeamSql Statements = new(GetSql, ListSql, UpsertSql, GetLastAssigneeSql, SetLastAssigneeSql, StandardAdminAudit.AddSql);
}
