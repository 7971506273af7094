using Hangfire.Dashboard;

namespace SocialWatch.Host.Web.Auth;

/// <summary>
/// Lets only signed-in admins into the Hangfire dashboard (it can trigger and delete jobs). Pass it in
/// <c>DashboardOptions.Authorization</c>. Anonymous callers are already challenged by the fallback policy.
/// </summary>
public sealed class HangfireAdminFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(SocialWatchRoles.Admin);
    }
}
