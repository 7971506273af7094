using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Standard;

/// <summary>The operational figures SQLite and PostgreSQL both count word for word.</summary>
internal static class StandardOperationalFiguresSql
{
    public static readonly OperationalFiguresSql Statements = new(WatchEntriesSql: "SELECT COUNT(*) FROM watch_entries");
}
