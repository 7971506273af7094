using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using SocialWatch.Host.Tests.Web;
using WebClient = SocialWatch.Host.Tests.Web.WebClient;

namespace SocialWatch.Host.Tests.Observability;

/// <summary>
/// The OpenAPI document against the endpoints the real host maps: every endpoint under /api must be in it with a
/// summary, a description, a tag, a success response with its type, and who may call it (read from its policies).
/// </summary>
[TestClass]
public sealed partial class ApiDocumentationTests
{
    private static WebTestApp s_app = null!;
    private static JsonDocument s_document = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        s_app = await WebTestApp.StartAsync();
        using var client = new WebClient(s_app.BaseAddress);
        s_document = JsonDocument.Parse(await client.Http.GetStringAsync("/openapi/v1.json", context.CancellationToken));
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        s_document.Dispose();
        await s_app.DisposeAsync();
    }

    [TestMethod]
    public void EveryApiEndpoint_IsInTheDocument_WithSummaryResponseTypeAndRequiredAccess()
    {
        var endpoints = ApiEndpoints();
        var paths = s_document.RootElement.GetProperty("paths");
        var missing = new List<string>();

        foreach (var (method, path) in endpoints)
        {
            var name = $"{method} {path}";
            if (!paths.TryGetProperty(path, out var item) || !item.TryGetProperty(method.ToLowerInvariant(), out var operation))
            {
                missing.Add($"{name}: not in the document");
                continue;
            }

            missing.AddRange(Problems(operation).Select(p => $"{name}: {p}"));
        }

        Assert.IsGreaterThanOrEqualTo(15, endpoints.Count, "the walk found the API: " + string.Join(", ", endpoints));
        Assert.IsEmpty(missing, string.Join("\n", missing));
    }

    [TestMethod]
    public void AlertActions_AdmitTheAgentRolesAndTheAlertsWriteScope_ThroughBothSchemes()
    {
        var claim = Operation("/api/alerts/{id}/claim", "post");

        Assert.AreEqual("agent,manager", Strings(claim, "x-required-roles"));
        Assert.AreEqual("alerts:write", Strings(claim, "x-required-scopes"));
        var schemes = claim.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).Order();
        Assert.AreEqual("apiKey,cookie", string.Join(",", schemes));
        StringAssert.Contains(claim.GetProperty("description").GetString(), "an API key with scope alerts:write");
        Assert.IsTrue(claim.GetProperty("responses").TryGetProperty("409", out var conflict));
        Assert.IsTrue(conflict.GetProperty("content").TryGetProperty("application/problem+json", out _), "errors are problem details");
    }

    [TestMethod]
    public void AdminEndpoints_AdmitOnlyTheAdminRole_AndNoKey()
    {
        var erase = Operation("/api/authors/erase", "post");

        Assert.AreEqual("admin", Strings(erase, "x-required-roles"));
        Assert.AreEqual("", Strings(erase, "x-required-scopes"));
        Assert.AreEqual("cookie", string.Join(",", erase.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name))));
    }

    [TestMethod]
    public void Document_DeclaresTheCookieAndTheApiKeyHeader()
    {
        var schemes = s_document.RootElement.GetProperty("components").GetProperty("securitySchemes");

        Assert.AreEqual("header", schemes.GetProperty("apiKey").GetProperty("in").GetString());
        Assert.AreEqual("X-Api-Key", schemes.GetProperty("apiKey").GetProperty("name").GetString());
        Assert.AreEqual("cookie", schemes.GetProperty("cookie").GetProperty("in").GetString());
    }

    [TestMethod]
    public void MainEndpoints_CarryExamplesInTheWireShape()
    {
        var list = Operation("/api/alerts", "get").GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example");
        var claim = Operation("/api/alerts/{id}/claim", "post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        var mentions = Operation("/api/mentions", "get").GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example");

        Assert.AreEqual("legal_threat", list[0].GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.AreEqual(3, claim.GetProperty("version").GetInt32());
        Assert.IsFalse(string.IsNullOrEmpty(mentions.GetProperty("next").GetString()));
    }

    [TestMethod]
    public async Task Document_IsServedToAnonymousCallers()
    {
        using var client = new WebClient(s_app.BaseAddress);

        using var response = await client.Http.GetAsync("/openapi/v1.json", TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>What an operation lacks; empty when it is fully described.</summary>
    internal static IEnumerable<string> Problems(JsonElement operation)
    {
        if (string.IsNullOrWhiteSpace(Text(operation, "summary")))
        {
            yield return "no summary";
        }

        if (string.IsNullOrWhiteSpace(Text(operation, "description")))
        {
            yield return "no description";
        }

        if (!operation.TryGetProperty("tags", out var tags) || tags.GetArrayLength() == 0)
        {
            yield return "no tag";
        }

        var responses = operation.TryGetProperty("responses", out var r) ? r.EnumerateObject().ToList() : [];
        var success = responses.Where(p => p.Name.StartsWith('2')).ToList();
        if (success.Count == 0 || !success.All(p => p.Name == "204" || p.Value.TryGetProperty("content", out _)))
        {
            yield return "no success response with a type";
        }

        if (!responses.Any(p => p.Name is "401") || !responses.Any(p => p.Name is "403"))
        {
            yield return "no 401/403 responses";
        }

        if (Strings(operation, "x-required-roles") == "" && Strings(operation, "x-required-scopes") == "")
        {
            yield return "no required roles or scopes";
        }
    }

    /// <summary>Method and OpenAPI path of every endpoint the host maps under /api.</summary>
    private static List<(string Method, string Path)> ApiEndpoints()
    {
        var source = s_app.Services.GetRequiredService<EndpointDataSource>();
        return
        [
            .. source.Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/", StringComparison.Ordinal) || raw == "/api"))
                .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["(any)"]).Select(m => (m, OpenApiPath(e.RoutePattern.RawText!))))
                .Distinct()
                .OrderBy(e => e.Item2, StringComparer.Ordinal),
        ];
    }

    /// <summary>"/api/alerts/{id:long}/" as the document names it: "/api/alerts/{id}".</summary>
    private static string OpenApiPath(string raw)
    {
        var path = Constraint().Replace(raw, "{$1}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    private static JsonElement Operation(string path, string method) => s_document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static string? Text(JsonElement operation, string name) => operation.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static string Strings(JsonElement operation, string name) =>
        operation.TryGetProperty(name, out var value) ? string.Join(",", value.EnumerateArray().Select(v => v.GetString())) : "";

    [GeneratedRegex(@"\{([^}:?=*]+)[^}]*\}")]
    private static partial Regex Constraint();
}
