namespace SocialWatch.Storage.Standard;

/// <summary>
/// The few words SQLite and PostgreSQL spell differently inside statements that are otherwise the same: membership in a
/// list parameter, a boolean column or literal, the floating-point type, an index hint. A statement in Standard/ that
/// needs one of them takes it from here, so the statement is written once and each dialect folder names only its
/// spelling (<c>SqliteSyntax</c>, <c>PostgreSqlSyntax</c>).
/// </summary>
internal sealed record StandardSyntax
{
    /// <summary>The column is in the list parameter: <c>IN @ids</c> (Dapper expands the list) or <c>= ANY(@ids)</c> (one array).</summary>
    public required Func<string, string> InList { get; init; }

    /// <summary>
    /// The column is in a list the store sends twice, as <c>@name</c> (an array) and as <c>@nameJson</c>: SQLite reads the
    /// JSON through json_each, which keeps one parameter however long the list; PostgreSQL takes the array.
    /// </summary>
    public required Func<string, string> InJsonList { get; init; }

    /// <summary>The column is in none of the list parameter's values: <c>NOT IN @ids</c> or <c>&lt;&gt; ALL(@ids)</c>.</summary>
    public required Func<string, string> NotInList { get; init; }

    /// <summary>A boolean column is true: <c>x = 1</c> or <c>x</c>. SQLite's partial indexes are declared with <c>= 1</c>.</summary>
    public required Func<string, string> IsTrue { get; init; }

    /// <summary>A boolean column is false: <c>x = 0</c> or <c>NOT x</c>.</summary>
    public required Func<string, string> IsFalse { get; init; }

    /// <summary>The boolean literals: <c>1</c>/<c>0</c> or <c>true</c>/<c>false</c>.</summary>
    public required string True { get; init; }

    /// <inheritdoc cref="True"/>
    public required string False { get; init; }

    /// <summary>The floating-point type engagement is summed in, so huge counters cannot overflow.</summary>
    public required string Double { get; init; }

    /// <summary>
    /// A name column equals a parameter, ignoring case as the column's unique index does: SQLite declares such columns
    /// COLLATE NOCASE (<c>name = @Name</c>); PostgreSQL indexes <c>lower(name)</c>.
    /// </summary>
    public required Func<string, string, string> SameName { get; init; }

    /// <summary>A name column as it sorts, case ignored: the column, or <c>lower(column)</c>.</summary>
    public required Func<string, string> ByName { get; init; }

    /// <summary>A day parameter as a date: SQLite keeps days as ISO text, which the parameter already is; PostgreSQL casts
    /// the unspecified-kind midnight it receives back to a date.</summary>
    public required Func<string, string> Date { get; init; }

    /// <summary>
    /// A text column contains a LIKE pattern parameter (backslash escapes % and _), case ignored: SQLite's LIKE ignores
    /// the case of ASCII letters by itself; PostgreSQL's ILIKE ignores case in any script.
    /// </summary>
    public required Func<string, string, string> Contains { get; init; }

    /// <summary>A table read through a named index: SQLite's <c>INDEXED BY</c>, where the planner needs the hint; the bare table elsewhere.</summary>
    public required Func<string, string, string> Indexed { get; init; }
}
