using TaskForge.Api.Accounts;
using TaskForge.GraphQL.Execution;

namespace TaskForge.Api.Schema;

/// <summary>User profiles for resolvers, loaded in one batch per level of a query (assignees of a whole board in one round trip).</summary>
public static class Users
{
    private const string LoaderName = "users";

    public static async Task<UserProfile> LoadAsync(ResolveContext context, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await Loader(context).LoadAsync(userId) ?? Unknown(userId);
    }

    public static async Task<IReadOnlyList<UserProfile>> LoadManyAsync(ResolveContext context, IEnumerable<Guid> userIds)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ids = userIds.ToList();
        var profiles = await Loader(context).LoadManyAsync(ids);
        return [.. profiles.Select((profile, i) => profile ?? Unknown(ids[i]))];
    }

    /// <summary>Someone the log names who has no account here (events imported or written before accounts existed).</summary>
    private static UserProfile Unknown(Guid userId) => new(userId, "", "Unknown user", DateTimeOffset.UnixEpoch);

    private static GraphQL.DataLoader.BatchDataLoader<Guid, UserProfile> Loader(ResolveContext context)
    {
        var accounts = context.Services!.GetRequiredService<AccountService>();
        return context.GetDataLoader<Guid, UserProfile>(LoaderName, async (keys, ct) => await accounts.ProfilesAsync([.. keys], ct));
    }
}
