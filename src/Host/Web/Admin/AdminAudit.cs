using System.Security.Claims;
using SocialWatch.Alerts.Access;

namespace SocialWatch.Host.Web.Admin;

/// <summary>Writes admin changes to the audit trail and the log.</summary>
public sealed class AdminAudit(IAdminAuditStore store, TimeProvider time, ILogger<AdminAudit> logger)
{
    public async Task RecordAsync(ClaimsPrincipal user, string area, string subject, string action, string? detail, CancellationToken cancellationToken)
    {
        var actor = user.Identity?.Name ?? "unknown";
        await store.AddAsync(new AdminAuditEntry(0, actor, time.GetUtcNow(), area, subject, action, detail), cancellationToken);
        WebLog.AdminChange(logger, actor, area, subject, action);
    }
}
