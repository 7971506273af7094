using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using SocialWatch.Host.Web.Auth;

namespace SocialWatch.Host.Observability;

/// <summary>
/// A request and response body shown as the example of an endpoint in the OpenAPI document
/// (<c>.WithMetadata(new ApiExample(…))</c>). Serialized with the API's own JSON options, so it cannot drift from the
/// wire shape of the records it is built from.
/// </summary>
internal sealed record ApiExample(object? Request, object? Response);

/// <summary>
/// Completes the OpenAPI document from what the endpoints declare rather than from strings kept beside them: who may
/// call each operation (read from its authorization policies: roles, API key scopes, schemes), the 401 and 403 it can
/// answer, the security schemes (the sign-in cookie and the API key header) and the examples.
/// </summary>
internal static class ApiDocumentation
{
    public const string RolesExtension = "x-required-roles";
    public const string ScopesExtension = "x-required-scopes";
    public const string CookieScheme = "cookie";
    public const string ApiKeyScheme = "apiKey";

    public static OpenApiOptions AddSocialWatchDescriptions(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "SocialWatch API";
            document.Info.Description =
                "Alerts, mentions, feedback, digests and author erasure. Machine callers send an API key in X-Api-Key "
                + "(or Authorization: ApiKey …); browsers use their session cookie and send the anti-forgery token in the "
                + $"{AntiforgeryCheck.HeaderName} header on changes. Errors are RFC 9457 problem details (application/problem+json). "
                + "Lists are keyset-paged: pass the response's opaque next cursor back as ?cursor= until it is null.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "An API key created on /admin/apikeys; its scopes decide what it may call.",
            };
            document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "socialwatch.auth",
                Description = "The session of a person signed in on /login; the roles of the account decide what it may call.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(DescribeAccessAsync);
        return options;
    }

    private static async Task DescribeAccessAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var services = context.ApplicationServices;
        AddExample(operation, metadata.OfType<ApiExample>().LastOrDefault(), services);
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        var provider = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var policies = new List<AuthorizationPolicy>();
        foreach (var data in metadata.OfType<IAuthorizeData>())
        {
            var policy = data.Policy is null ? await provider.GetDefaultPolicyAsync() : await provider.GetPolicyAsync(data.Policy);
            if (policy is not null)
            {
                policies.Add(policy);
            }
        }

        if (policies.Count == 0)
        {
            return;
        }

        // Every policy must pass; within one requirement any role or scope will do.
        var access = Access.Of(policies);
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[RolesExtension] = new JsonNodeExtension(new JsonArray([.. access.Roles.Select(r => (JsonNode)r)]));
        operation.Extensions[ScopesExtension] = new JsonNodeExtension(new JsonArray([.. access.Scopes.Select(s => (JsonNode)s)]));
        var who = access.Text();
        operation.Description = string.IsNullOrEmpty(operation.Description) ? $"Requires {who}." : $"{operation.Description}\n\nRequires {who}.";

        operation.Security ??= [];
        if (access.Roles.Count > 0 && access.Schemes.Contains(CookieAuthenticationDefaults.AuthenticationScheme))
        {
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] });
        }

        if (access.Scopes.Count > 0 && access.Schemes.Contains(ApiKeyAuthenticationHandler.SchemeName))
        {
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] });
        }

        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Not signed in, or no valid API key (no body; 429 with Retry-After after too many unknown keys)." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = $"Signed in, but without {who}." });
    }

    private static void AddExample(OpenApiOperation operation, ApiExample? example, IServiceProvider services)
    {
        if (example is null)
        {
            return;
        }

        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        if (example.Request is not null && operation.RequestBody?.Content is { } requestContent)
        {
            foreach (var media in requestContent.Values)
            {
                media.Example = JsonSerializer.SerializeToNode(example.Request, example.Request.GetType(), json);
            }
        }

        if (example.Response is not null && operation.Responses is { } responses)
        {
            foreach (var (status, response) in responses)
            {
                if (status.StartsWith('2') && response.Content is { } content)
                {
                    foreach (var media in content.Values)
                    {
                        media.Example = JsonSerializer.SerializeToNode(example.Response, example.Response.GetType(), json);
                    }
                }
            }
        }
    }

    /// <summary>The roles, API key scopes and authentication schemes the policies of one endpoint admit.</summary>
    private sealed record Access(IReadOnlyList<string> Roles, IReadOnlyList<string> Scopes, IReadOnlyList<string> Schemes)
    {
        public static Access Of(IReadOnlyList<AuthorizationPolicy> policies)
        {
            var roles = new SortedSet<string>(StringComparer.Ordinal);
            var scopes = new SortedSet<string>(StringComparer.Ordinal);
            var schemes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var policy in policies)
            {
                schemes.UnionWith(policy.AuthenticationSchemes.Count == 0 ? [CookieAuthenticationDefaults.AuthenticationScheme] : policy.AuthenticationSchemes);
                foreach (var requirement in policy.Requirements)
                {
                    switch (requirement)
                    {
                        case RolesAuthorizationRequirement r:
                            roles.UnionWith(r.AllowedRoles);
                            break;
                        case ApiAccessRequirement a:
                            roles.UnionWith(a.Roles);
                            scopes.UnionWith(a.Scopes);
                            break;
                        case ClaimsAuthorizationRequirement c when c.ClaimType == ApiKeyAuthenticationHandler.ScopeClaim && c.AllowedValues is { } values:
                            scopes.UnionWith(values);
                            break;
                    }
                }
            }

            return new Access([.. roles], [.. scopes], [.. schemes]);
        }

        public string Text()
        {
            var parts = new List<string>();
            if (Roles.Count > 0)
            {
                parts.Add($"a signed-in user with role {string.Join(" or ", Roles)}");
            }

            if (Scopes.Count > 0)
            {
                parts.Add($"an API key with scope {string.Join(" or ", Scopes)}");
            }

            return parts.Count == 0 ? "a signed-in user" : string.Join(", or ", parts);
        }
    }
}
