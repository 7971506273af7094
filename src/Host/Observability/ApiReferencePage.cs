using System.Security.Cryptography;
using Scalar.AspNetCore;
using SocialWatch.Host.Web;

namespace SocialWatch.Host.Observability;

/// <summary>
/// The browsable API reference (Scalar) at <see cref="Path"/>, for admins. Its scripts are embedded in the Scalar
/// package and served by this host; fonts, telemetry, the AI agent and the hosted request proxy are switched off so the
/// page reaches nothing but this host.
/// </summary>
internal static class ApiReferencePage
{
    public const string Path = "/admin/api-docs";

    public static void MapApiReferencePage(this IEndpointRouteBuilder app) =>
        app.MapScalarApiReference(Path, (options, context) =>
            {
                // The page starts Scalar from an inline module script: allow that one script by a nonce rather than
                // loosening script-src for the whole page. Scalar injects its styles at run time, hence the inline styles.
                var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
                context.Response.Headers.ContentSecurityPolicy =
                    $"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'nonce-{nonce}'; "
                    + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
                options
                    .WithTitle("SocialWatch API")
                    .WithOpenApiRoutePattern(ObservabilityEndpoints.OpenApiPath.Replace("v1", "{documentName}", StringComparison.Ordinal))
                    .WithNonce(nonce)
                    .DisableDefaultFonts()
                    .DisableTelemetry()
                    .DisableAgent()
                    .DisableMcp()
                    .HideClientButton()
                    .HideDeveloperTools()
                    .AddPreferredSecuritySchemes(ApiDocumentation.ApiKeyScheme);
            })
            .RequireAuthorization(SocialWatchPolicies.Admin)
            .ExcludeFromDescription();
}
