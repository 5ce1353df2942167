using TaskForge.Api.Schema;
using TaskForge.GraphQL;
using TaskForge.GraphQL.Types;
using TaskForge.Projections.Membership;

namespace TaskForge.Api.Accounts;

/// <summary>GraphQL of accounts: <c>me</c>, users, API keys, and the sign-up, sign-in and token mutations.</summary>
public static class AccountSchema
{
    public static SchemaBuilder BindAccounts(this SchemaBuilder schema, IServiceProvider services)
    {
        var accounts = services.GetRequiredService<AccountService>();
        var membership = services.GetRequiredService<MembershipReader>();
        return schema
            .BindFieldAsync("Query", "me", async ctx => Caller.Find(ctx.User) is { } caller ? await accounts.ProfileAsync(caller.Id, ctx.CancellationToken) : null)
            .BindField("User", "id", ctx => GlobalId.User(((UserProfile)ctx.Source!).Id))
            .BindField("User", "uuid", ctx => ((UserProfile)ctx.Source!).Id.ToString())
            .BindField("Me", "id", ctx => GlobalId.User(((UserProfile)ctx.Source!).Id))
            .BindField("Me", "uuid", ctx => ((UserProfile)ctx.Source!).Id.ToString())
            .BindFieldAsync("Me", "apiKeys", ctx => accounts.ApiKeysAsync(((UserProfile)ctx.Source!).Id, ctx.CancellationToken))
            .BindFieldAsync("Me", "invitations", ctx => membership.InvitationsForAsync(((UserProfile)ctx.Source!).Email, ctx.CancellationToken))
            .BindField("ApiKey", "id", ctx => GlobalId.ApiKey(((ApiKeyInfo)ctx.Source!).Id))
            .BindFieldAsync("Mutation", "register", async ctx =>
            {
                var input = Input.Of(ctx);
                return AuthPayload(await accounts.RegisterAsync(input.String("email"), input.String("password"), input.String("name"), ctx.CancellationToken));
            })
            .BindFieldAsync("Mutation", "login", async ctx =>
            {
                var input = Input.Of(ctx);
                return AuthPayload(await accounts.LoginAsync(input.String("email"), input.String("password"), ctx.CancellationToken));
            })
            .BindFieldAsync("Mutation", "refreshToken", async ctx =>
                AuthPayload(await accounts.RefreshAsync(Input.Of(ctx).String("refreshToken"), ctx.CancellationToken)))
            .BindFieldAsync("Mutation", "logout", async ctx => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["loggedOut"] = await accounts.LogoutAsync(Input.Of(ctx).String("refreshToken"), Input.Of(ctx).Bool("allSessions") ?? false, ctx.CancellationToken),
                ["errors"] = Array.Empty<MutationError>(),
            })
            .BindFieldAsync("Mutation", "createApiKey", async ctx =>
            {
                var caller = Caller.Require(ctx);
                return await accounts.CreateApiKeyAsync(caller.Id, Input.Of(ctx).String("name"), ctx.CancellationToken) switch
                {
                    AccountResult<CreatedApiKey>.Succeeded { Value: var created } => ApiKeyPayload(created.Info, created.Key, null),
                    AccountResult<CreatedApiKey>.Failed failed => ApiKeyPayload(null, null, Error(failed)),
                    _ => throw new InvalidOperationException("Unknown account result."),
                };
            })
            .BindFieldAsync("Mutation", "updateProfile", async ctx =>
            {
                var caller = Caller.Require(ctx);
                return await accounts.RenameAsync(caller.Id, Input.Of(ctx).String("name"), ctx.CancellationToken) switch
                {
                    AccountResult<UserProfile>.Succeeded { Value: var user } => UserPayload(user, null),
                    AccountResult<UserProfile>.Failed failed => UserPayload(null, Error(failed)),
                    _ => throw new InvalidOperationException("Unknown account result."),
                };
            })
            .BindFieldAsync("Mutation", "changePassword", async ctx =>
            {
                var caller = Caller.Require(ctx);
                var input = Input.Of(ctx);
                return AuthPayload(await accounts.ChangePasswordAsync(caller.Id, input.String("currentPassword"), input.String("newPassword"), ctx.CancellationToken));
            })
            .BindFieldAsync("Mutation", "revokeApiKey", async ctx =>
            {
                var caller = Caller.Require(ctx);
                var id = Input.Of(ctx).Id("apiKeyId", GlobalIdKind.ApiKey);
                return await accounts.RevokeApiKeyAsync(caller.Id, id[0], ctx.CancellationToken)
                    ? ApiKeyPayload((await accounts.ApiKeysAsync(caller.Id, ctx.CancellationToken)).FirstOrDefault(k => k.Id == id[0]), null, null)
                    : ApiKeyPayload(null, null, new MutationError(Domain.ErrorCodes.NotFound, "No such API key.", "apiKeyId"));
            });
    }

    private static IReadOnlyDictionary<string, object?> AuthPayload(AccountResult<SignedIn> result) => result switch
    {
        AccountResult<SignedIn>.Succeeded { Value: var signedIn } => new Dictionary<string, object?>
        {
            ["user"] = signedIn.User,
            ["accessToken"] = signedIn.AccessToken,
            ["accessTokenExpiresAt"] = signedIn.AccessTokenExpiresAt,
            ["refreshToken"] = signedIn.RefreshToken,
            ["refreshTokenExpiresAt"] = signedIn.RefreshTokenExpiresAt,
            ["errors"] = Array.Empty<MutationError>(),
        },
        AccountResult<SignedIn>.Failed failed => new Dictionary<string, object?> { ["errors"] = new[] { Error(failed) } },
        _ => throw new GraphQLException("Unknown account result."),
    };

    private static IReadOnlyDictionary<string, object?> UserPayload(UserProfile? user, MutationError? error) =>
        new Dictionary<string, object?> { ["user"] = user, ["errors"] = error is null ? Array.Empty<MutationError>() : new[] { error } };

    private static IReadOnlyDictionary<string, object?> ApiKeyPayload(ApiKeyInfo? key, string? secret, MutationError? error) =>
        new Dictionary<string, object?> { ["apiKey"] = key, ["key"] = secret, ["errors"] = error is null ? Array.Empty<MutationError>() : new[] { error } };

    private static MutationError Error<T>(AccountResult<T>.Failed failed) => new(failed.Code, failed.Message, failed.Field);
}
