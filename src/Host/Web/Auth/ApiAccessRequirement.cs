using Microsoft.AspNetCore.Authorization;

namespace SocialWatch.Host.Web.Auth;

/// <summary>
/// Met by a person in one of <see cref="Roles"/> or by an API key holding one of <see cref="Scopes"/>. A requirement
/// rather than an assertion, so that the OpenAPI document can say who may call an endpoint by reading its policy.
/// </summary>
internal sealed record ApiAccessRequirement(IReadOnlyList<string> Roles, IReadOnlyList<string> Scopes) : IAuthorizationRequirement;

internal sealed class ApiAccessHandler : AuthorizationHandler<ApiAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiAccessRequirement requirement)
    {
        if (requirement.Roles.Any(context.User.IsInRole)
            || requirement.Scopes.Any(s => context.User.HasClaim(ApiKeyAuthenticationHandler.ScopeClaim, s)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
