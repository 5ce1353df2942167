using TaskForge.Api.Schema;

namespace TaskForge.Api.Accounts;

/// <summary>
/// <c>GET /auth/me</c>'s answer: <see cref="Id"/> is the same global id as GraphQL's <c>me { id }</c> (what a script passes
/// back as a <c>userId</c>), <see cref="UserId"/> the account's UUID (the access token's <c>sub</c>).
/// </summary>
public sealed record MeResponse(string Id, Guid UserId, string Email, string Name, DateTimeOffset CreatedAt)
{
    public static MeResponse From(UserProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new MeResponse(GlobalId.User(profile.Id), profile.Id, profile.Email, profile.Name, profile.CreatedAt);
    }
}
