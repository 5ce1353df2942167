namespace TaskForge.Api.Accounts;

/// <summary>The stable codes of <see cref="AccountResult{T}.Failed"/>; GraphQL errors carry them as <c>extensions.code</c>.</summary>
public static class AccountErrorCodes
{
    public const string Validation = "VALIDATION";
    public const string EmailTaken = "EMAIL_TAKEN";
    public const string InvalidCredentials = "INVALID_CREDENTIALS";
    public const string RefreshTokenInvalid = "REFRESH_TOKEN_INVALID";
    public const string RefreshTokenReused = "REFRESH_TOKEN_REUSED";
    public const string NotFound = "NOT_FOUND";

    /// <summary>Too many sign-in attempts for one email address; the message says when to try again.</summary>
    public const string RateLimited = ErrorResponses.RateLimited;
}
