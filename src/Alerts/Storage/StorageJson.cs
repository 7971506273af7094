using System.Text.Json;

namespace SocialWatch.Alerts.Storage;

/// <summary>Reason lists are stored as a JSON array of strings in a text column.</summary>
internal static class StorageJson
{
    public static string SerializeReasons(IReadOnlyList<string> reasons) => JsonSerializer.Serialize(reasons);

    public static IReadOnlyList<string> DeserializeReasons(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];
}
