using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SocialWatch.Ingest.Http;

/// <summary>Reads a source's JSON answers so that every failure names the source and the request.</summary>
internal static class SourceJson
{
    private const int SnippetLength = 300;

    /// <summary>Throws <see cref="SourceResponseException"/> unless the response is a success with a complete, well-formed body.</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, string source, string what, CancellationToken cancellationToken)
        where T : class
    {
        var body = await ReadBodyAsync(response, source, what, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SourceResponseException(source, what, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {Snippet(body)}");
        }

        return Parse(body, typeInfo, source, what);
    }

    public static T Parse<T>(byte[] body, JsonTypeInfo<T> typeInfo, string source, string what)
        where T : class
    {
        if (body.Length == 0)
        {
            throw new SourceResponseException(source, what, "empty response body");
        }

        try
        {
            return JsonSerializer.Deserialize(body, typeInfo)
                ?? throw new SourceResponseException(source, what, "the response body is JSON null");
        }
        catch (JsonException ex)
        {
            // A truncated body is malformed JSON too: both mean the page cannot be trusted, so nothing is stored.
            throw new SourceResponseException(
                source,
                what,
                $"malformed or truncated JSON (line {ex.LineNumber}, byte {ex.BytePositionInLine}) in a {body.Length}-byte body: {Snippet(body)}",
                ex);
        }
    }

    public static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, string source, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new SourceResponseException(source, what, $"the response body could not be read completely ({ex.Message})", ex);
        }
    }

    public static void EnsureSuccess(HttpResponseMessage response, byte[] body, string source, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new SourceResponseException(source, what, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {Snippet(body)}");
        }
    }

    public static bool IsNotFound(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.NotFound;

    /// <summary>A short, single-line excerpt of a body for an error message.</summary>
    public static string Snippet(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, SnippetLength * 4));
        var builder = new StringBuilder(Math.Min(text.Length, SnippetLength));
        foreach (var c in text)
        {
            if (builder.Length == SnippetLength)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }
}
