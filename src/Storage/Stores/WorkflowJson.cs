using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialWatch.Storage.Stores;

/// <summary>
/// Admin-edited settings whose shape evolves (rule conditions, working hours, members, SLA targets) are kept as JSON
/// documents in text columns: read as a whole, never queried inside, and a new condition needs no migration.
/// </summary>
internal static class WorkflowJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"Stored {typeof(T).Name} document is empty.");
}
