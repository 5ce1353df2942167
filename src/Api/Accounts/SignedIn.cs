namespace TaskForge.Api.Accounts;

/// <summary>A session: a short-lived JWT access token and the opaque refresh token that renews it.</summary>
public sealed record SignedIn(UserProfile User, string AccessToken, DateTimeOffset AccessTokenExpiresAt, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt);
