using System.Security.Claims;

namespace TaskForge.Api.Accounts;

/// <summary>The claims TaskForge puts on a principal, whether it came from a JWT or an API key (JWT claim names, unmapped).</summary>
public static class AccountClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Name = "name";

    /// <summary>The id of the API key a request authenticated with (absent for a JWT).</summary>
    public const string ApiKeyId = "api_key_id";

    internal static List<Claim> For(UserProfile user) =>
    [
        new(Subject, user.Id.ToString()),
        new(Email, user.Email),
        new(Name, user.Name),
    ];
}
