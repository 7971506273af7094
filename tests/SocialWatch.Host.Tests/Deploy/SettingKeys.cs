using System.Collections;
using System.Reflection;

namespace SocialWatch.Host.Tests.Deploy;

/// <summary>
/// Whether a setting a deploy file names (<c>Storage__Provider</c>, <c>Sources__X__BearerToken</c>) is one the app
/// binds: its section is some options class's <c>SectionName</c> and the rest of the key walks that class's properties.
/// A misspelt key binds to nothing and .NET says nothing, so this is the only place such a typo shows.
/// </summary>
internal static class SettingKeys
{
    /// <summary>Read by the platform or by the storage registration, not through an options class.</summary>
    private static readonly string[] s_platform = ["ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "DOTNET_RUNNING_IN_CONTAINER", "ConnectionStrings:SocialWatch", "ConnectionStrings:Hangfire"];

    private static readonly Lazy<Dictionary<string, Type>> s_sections = new(FindSections);

    public static IReadOnlyDictionary<string, Type> Sections => s_sections.Value;

    /// <summary>Null when the key binds; otherwise why not.</summary>
    public static string? Problem(string environmentName)
    {
        var key = environmentName.Replace("__", ":", StringComparison.Ordinal);
        if (s_platform.Contains(key, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var section = Sections.Keys
            .Where(s => key.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase))
            .MaxBy(s => s.Length);
        if (section is null)
        {
            return $"{environmentName}: no options class binds a section it starts with";
        }

        var type = Sections[section];
        foreach (var segment in key[(section.Length + 1)..].Split(':'))
        {
            if (ElementType(type) is { } element && (int.TryParse(segment, out _) || IsDictionary(type)))
            {
                type = element;
                continue;
            }

            var property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !property.CanWrite && !IsCollection(property.PropertyType))
            {
                return $"{environmentName}: {type.Name} (section {section}) has no settable property '{segment}'";
            }

            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        }

        return IsCollection(type) || type.IsClass && type != typeof(string) && type != typeof(Uri)
            ? $"{environmentName}: names a section ({type.Name}), not a value"
            : null;
    }

    private static bool IsDictionary(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(Dictionary<,>) || d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>));

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : IsDictionary(type) ? type.GetGenericArguments()[1]
        : IsCollection(type) && type.IsGenericType ? type.GetGenericArguments()[0]
        : null;

    private static Dictionary<string, Type> FindSections()
    {
        var sections = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        var assemblies = new[] { typeof(Program).Assembly }
            .Concat(typeof(Program).Assembly.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("SocialWatch.", StringComparison.Ordinal)).Select(Assembly.Load));
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field && field.GetRawConstantValue() is string name)
            {
                sections[name] = type;
            }
        }

        return sections;
    }
}
