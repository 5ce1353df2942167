using System.Security.Claims;

namespace TaskForge.Api.Accounts;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's id (the <c>sub</c> claim), or null for an anonymous request.</summary>
    public static Guid? UserId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return Guid.TryParse(principal.FindFirstValue(AccountClaims.Subject), out var id) ? id : null;
    }

    public static string? Email(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirstValue(AccountClaims.Email);
    }
}
