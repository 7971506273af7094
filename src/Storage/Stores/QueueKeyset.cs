using System.Globalization;
using SocialWatch.Core.Insights;

namespace SocialWatch.Storage.Stores;

/// <summary>One sort key of a queue order: its expression over a table alias and its direction.</summary>
internal sealed record QueueKey(Func<string, string> Expression, bool Descending);

/// <summary>
/// The three orders of the queue views and the SQL fragments every dialect's page statements are built from: the
/// ORDER BY, and the keyset condition "comes after the row whose keys are @K1, @K2, …" (or before it, reading a page
/// backwards). Each order ends with the alert id, so the keys of a row are unique and a page boundary is exact. An
/// alert without a first-response due sorts as if due at <c>@Far</c>, without a score as if scored -1.
/// </summary>
internal static class QueueKeyset
{
    public static readonly IReadOnlyList<QueueKey> Due =
    [
        new(a => $"{a}.priority", Descending: true),
        new(a => $"COALESCE({a}.first_response_due_at, @Far)", Descending: false),
        new(a => $"{a}.id", Descending: false),
    ];

    public static readonly IReadOnlyList<QueueKey> Risk =
    [
        new(a => $"COALESCE({a}.escalation_score, -1)", Descending: true),
        new(a => $"{a}.id", Descending: false),
    ];

    public static readonly IReadOnlyList<QueueKey> Closed =
    [
        new(a => $"{a}.updated_at", Descending: true),
        new(a => $"{a}.id", Descending: true),
    ];

    /// <summary>The sort to stand in for "no first-response due": later than any deadline.</summary>
    public static readonly DateTimeOffset Far = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static string OrderBy(IReadOnlyList<QueueKey> keys, string alias, bool backward) =>
        string.Join(", ", keys.Select(k => k.Expression(alias) + (k.Descending != backward ? " DESC" : "")));

    /// <summary>(k1 beyond @K1) OR (k1 = @K1 AND ((k2 beyond @K2) OR …)), expanded because the directions differ.</summary>
    public static string Beyond(IReadOnlyList<QueueKey> keys, string alias, bool backward) => Beyond(keys, alias, backward, 0);

    private static string Beyond(IReadOnlyList<QueueKey> keys, string alias, bool backward, int index)
    {
        var key = keys[index];
        var expression = key.Expression(alias);
        var comparison = $"{expression} {(key.Descending != backward ? "<" : ">")} @K{index + 1}";
        return index == keys.Count - 1
            ? comparison
            : $"{comparison} OR ({expression} = @K{index + 1} AND ({Beyond(keys, alias, backward, index + 1)}))";
    }

    /// <summary>A LIKE pattern that finds <paramref name="text"/> literally, with backslash as the escape character.</summary>
    public static string? ContainsPattern(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var escaped = text.Trim().Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
        return "%" + escaped + "%";
    }
}

/// <summary>
/// The position of a row in one queue order, as the page tokens carry it: <c>d_priority_dueTicks_id</c>,
/// <c>r_score_id</c> or <c>c_updatedTicks_id</c>, invariant culture. A token that does not parse, or belongs to another
/// order, reads as no token (the first page).
/// </summary>
internal sealed record QueueCursor(char Order, double Primary, long Ticks, long Id)
{
    public static char OrderOf(QueueView view, QueueSort sort) =>
        view is QueueView.Resolved or QueueView.Dismissed ? 'c' : sort == QueueSort.Risk ? 'r' : 'd';

    /// <summary>Stand-in keys for the first page, typed as the real ones (the statement ignores them when @Paged = 0).</summary>
    public static QueueCursor Start(char order) => new(order, 0, QueueKeyset.Far.UtcTicks, 0);

    public static QueueCursor? TryParse(string? token, char order)
    {
        var parts = token?.Split('_') ?? [];
        var invariant = CultureInfo.InvariantCulture;
        return (order, parts.Length) switch
        {
            _ when parts.Length == 0 || parts[0] != order.ToString() => null,
            ('d', 4) when int.TryParse(parts[1], NumberStyles.Integer, invariant, out var priority)
                && long.TryParse(parts[2], NumberStyles.Integer, invariant, out var ticks) && IsTicks(ticks)
                && long.TryParse(parts[3], NumberStyles.Integer, invariant, out var id) => new QueueCursor('d', priority, ticks, id),
            ('r', 3) when double.TryParse(parts[1], NumberStyles.Float, invariant, out var score) && double.IsFinite(score)
                && long.TryParse(parts[2], NumberStyles.Integer, invariant, out var id) => new QueueCursor('r', score, 0, id),
            ('c', 3) when long.TryParse(parts[1], NumberStyles.Integer, invariant, out var ticks) && IsTicks(ticks)
                && long.TryParse(parts[2], NumberStyles.Integer, invariant, out var id) => new QueueCursor('c', 0, ticks, id),
            _ => null,
        };
    }

    public static string TokenFor(char order, QueueItem item, double? score)
    {
        var alert = item.Alert;
        var invariant = CultureInfo.InvariantCulture;
        return order switch
        {
            'd' => string.Create(invariant, $"d_{(int)alert.Priority}_{(alert.FirstResponseDueAt ?? QueueKeyset.Far).UtcTicks}_{alert.Id}"),
            'r' => string.Create(invariant, $"r_{(score ?? -1).ToString("R", invariant)}_{alert.Id}"),
            _ => string.Create(invariant, $"c_{alert.UpdatedAt.UtcTicks}_{alert.Id}"),
        };
    }

    /// <summary>The key values as statement parameters, in key order (@K1, @K2, @K3).</summary>
    public (object K1, object K2, object K3) Parameters(SqlDialect dialect) => Order switch
    {
        'd' => ((int)Primary, dialect.ToDb(new DateTimeOffset(Ticks, TimeSpan.Zero)), Id),
        'r' => (Primary, Id, 0L),
        _ => (dialect.ToDb(new DateTimeOffset(Ticks, TimeSpan.Zero)), Id, 0L),
    };

    private static bool IsTicks(long ticks) => ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks;
}
