using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialWatch.Core.Access;

namespace SocialWatch.Host.Pages.Admin;

public sealed class IndexModel(IAdminAuditStore audit) : PageModel
{
    public IReadOnlyList<AdminAuditEntry> Audit { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Audit = await audit.GetLatestAsync(50, cancellationToken);
}
