namespace TaskForge.Realtime.Hub;

/// <summary>
/// Checks an access token a connected client presents to extend its connection (<c>RefreshToken</c>), the way the
/// host's authentication checks one at connect. The host registers it (the API: its JWT bearer scheme).
/// </summary>
public interface IAccessTokenValidator
{
    Task<AccessTokenCheck> ValidateAsync(string token, CancellationToken cancellationToken);
}

/// <summary>A valid token's user, the name it carries (for presence) and its expiry, or why it was refused (<see cref="Failure"/>).</summary>
public sealed record AccessTokenCheck(Guid UserId, string? DisplayName, DateTimeOffset? ExpiresAt, string? Failure)
{
    public static AccessTokenCheck Refused(string failure) => new(Guid.Empty, null, null, failure);
}
