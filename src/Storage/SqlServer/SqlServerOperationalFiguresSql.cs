using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.SqlServer;

internal static class SqlServerOperationalFiguresSql
{
    public static readonly OperationalFiguresSql Statements = new(WatchEntriesSql: "SELECT COUNT_BIG(*) FROM dbo.watch_entries;");
}
