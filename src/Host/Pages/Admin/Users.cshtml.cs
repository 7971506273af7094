using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialWatch.Core.Access;
using SocialWatch.Host.Web;
using SocialWatch.Host.Web.Auth;

namespace SocialWatch.Host.Pages.Admin;

/// <summary>Local accounts and their roles.</summary>
public sealed class UsersModel(IUserStore users, TimeProvider time) : PageModel
{
    public IReadOnlyList<WebUser> Users { get; private set; } = [];

    [BindProperty]
    public NewUserForm Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Users = await users.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var roles = Input.Roles.Where(SocialWatchRoles.IsKnown).Distinct(StringComparer.Ordinal).ToList();
        if (roles.Count == 0)
        {
            ModelState.AddModelError("Input.Roles", "Give the user at least one role.");
        }

        if (!ModelState.IsValid)
        {
            Users = await users.ListAsync(cancellationToken);
            return Page();
        }

        var user = new WebUser
        {
            UserName = Input.UserName.Trim(),
            DisplayName = string.IsNullOrWhiteSpace(Input.DisplayName) ? null : Input.DisplayName.Trim(),
            Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim(),
            Roles = roles,
            CreatedAt = time.GetUtcNow(),
        };
        try
        {
            await users.SaveAsync(user with { PasswordHash = LocalAccounts.HashPassword(user, Input.Password) }, User.Identity!.Name!, cancellationToken);
        }
        catch (DuplicateNameException e)
        {
            ModelState.AddModelError("Input.UserName", e.Message);
            Users = await users.ListAsync(cancellationToken);
            return Page();
        }

        Message = $"User {user.UserName} created.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostToggleAsync(string userName, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(userName, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        if (string.Equals(user.UserName, User.Identity?.Name, StringComparison.OrdinalIgnoreCase))
        {
            Message = "You cannot disable your own account.";
            return RedirectToPage();
        }

        await users.SaveAsync(user with { Disabled = !user.Disabled }, User.Identity!.Name!, cancellationToken);
        Message = $"User {user.UserName} {(user.Disabled ? "enabled" : "disabled")}.";
        return RedirectToPage();
    }

    public sealed class NewUserForm
    {
        [Required(ErrorMessage = "Enter a user name.")]
        [RegularExpression("^[A-Za-z0-9._@-]{2,64}$", ErrorMessage = "User names are 2–64 letters, digits or . _ @ -.")]
        public string UserName { get; set; } = "";

        [StringLength(100)]
        public string? DisplayName { get; set; }

        [EmailAddress(ErrorMessage = "That is not an e-mail address.")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter a password.")]
        [StringLength(200, MinimumLength = 12, ErrorMessage = "Passwords are at least 12 characters.")]
        public string Password { get; set; } = "";

        public List<string> Roles { get; set; } = [];
    }
}
