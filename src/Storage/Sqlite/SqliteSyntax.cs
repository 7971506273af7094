using SocialWatch.Storage.Standard;

namespace SocialWatch.Storage.Sqlite;

/// <summary>SQLite's spelling of the words shared statements leave open (see <see cref="StandardSyntax"/>).</summary>
internal static class SqliteSyntax
{
    public static readonly StandardSyntax Words = new()
    {
        InList = list => $"IN {list}",
        InJsonList = name => $"IN (SELECT value FROM json_each(@{name}Json))",
        NotInList = list => $"NOT IN {list}",
        IsTrue = column => $"{column} = 1",
        IsFalse = column => $"{column} = 0",
        True = "1",
        False = "0",
        Double = "REAL",
        SameName = (column, parameter) => $"{column} = {parameter}",
        ByName = column => column,
        Date = parameter => parameter,
        Contains = (column, pattern) => $@"{column} LIKE {pattern} ESCAPE '\'",
        Indexed = (table, index) => $"{table} INDEXED BY {index}",
    };
}
