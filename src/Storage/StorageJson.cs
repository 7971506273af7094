using System.Buffers;
using System.Text;
using System.Text.Json;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Storage;

/// <summary>
/// Reason lists are stored as a JSON array of <c>{"code","text","strength"}</c> objects in a text column. Rows written
/// before reasons had codes hold plain strings ("complaint (96%)"); those still read, with a code derived from the text.
/// </summary>
internal static class StorageJson
{
    public static string SerializeReasons(IReadOnlyList<Reason> reasons)
    {
        if (reasons.Count == 0)
        {
            return "[]";
        }

        var buffer = new ArrayBufferWriter<byte>(64 * reasons.Count);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var reason in reasons)
            {
                w.WriteStartObject();
                w.WriteString("code"u8, reason.Code);
                w.WriteString("text"u8, reason.Text);
                // Three decimals say all a strength can; the full float would triple the row for nothing.
                w.WriteNumber("strength"u8, Math.Round((double)reason.Strength, 3));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyList<Reason> DeserializeReasons(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        var reasons = new List<Reason>(document.RootElement.GetArrayLength());
        foreach (var element in document.RootElement.EnumerateArray())
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    reasons.Add(LegacyReasons.FromText(element.GetString()!));
                    break;
                case JsonValueKind.Object:
                    reasons.Add(ReadObject(element));
                    break;
            }
        }

        return reasons;
    }

    private static Reason ReadObject(JsonElement element)
    {
        var text = element.TryGetProperty("text"u8, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        var strength = element.TryGetProperty("strength"u8, out var s) && s.ValueKind == JsonValueKind.Number ? s.GetSingle() : 1f;
        return element.TryGetProperty("code"u8, out var c) && c.ValueKind == JsonValueKind.String && c.GetString() is { Length: > 0 } code
            ? new Reason(code, text, strength)
            : LegacyReasons.FromText(text) with { Strength = strength };
    }
}
