using SocialWatch.Storage.Standard;

namespace SocialWatch.Storage.PostgreSql;

/// <summary>PostgreSQL's spelling of the words shared statements leave open (see <see cref="StandardSyntax"/>).</summary>
internal static class PostgreSqlSyntax
{
    public static readonly StandardSyntax Words = new()
    {
        InList = list => $"= ANY({list})",
        InJsonList = name => $"= ANY(@{name})",
        NotInList = list => $"<> ALL({list})",
        IsTrue = column => column,
        IsFalse = column => $"NOT {column}",
        True = "true",
        False = "false",
        Double = "double precision",
        SameName = (column, parameter) => $"lower({column}) = lower({parameter})",
        ByName = column => $"lower({column})",
        Date = parameter => $"{parameter}::date",
        Contains = (column, pattern) => $@"{column} ILIKE {pattern} ESCAPE '\'",
        Indexed = (table, _) => table,
    };
}
