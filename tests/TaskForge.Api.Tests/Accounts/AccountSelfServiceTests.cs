using TaskForge.Api.Accounts;
using TaskForge.Api.Tests.GraphQL.Support;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.Accounts;

/// <summary>A signed-in user changes their own name and password, and signs out everywhere (ADR 0137).</summary>
public sealed class AccountSelfServiceTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string Password = "correct horse battery";
    private const string NewPassword = "tr0ub4dor and three";

    private static readonly Dictionary<string, string?> Settings = new() { ["Auth:LoginAttemptLimit"] = "3", ["Auth:LoginAttemptWindowSeconds"] = "600" };

    [Fact]
    public async Task Rename_trims_the_name_and_every_profile_read_sees_it()
    {
        await using var host = new AccountsHost(database.ConnectionString, Settings);
        var user = (await host.RegisterAsync()).User;

        var renamed = Assert.IsType<AccountResult<UserProfile>.Succeeded>(await host.Accounts.RenameAsync(user.Id, "  Ada Lovelace "));

        Assert.Equal(user with { Name = "Ada Lovelace" }, renamed.Value);
        Assert.Equal("Ada Lovelace", (await host.Accounts.ProfileAsync(user.Id))!.Name);
        Assert.Equal("Ada Lovelace", (await host.Accounts.ProfilesAsync([user.Id]))[user.Id].Name);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("")]
    [InlineData("\u0000nul")]
    [InlineData("tab\there")]
    public async Task An_empty_or_unstorable_name_fails_validation_and_keeps_the_old_one(string name)
    {
        await using var host = new AccountsHost(database.ConnectionString, Settings);
        var user = (await host.RegisterAsync()).User;

        var failed = Assert.IsType<AccountResult<UserProfile>.Failed>(await host.Accounts.RenameAsync(user.Id, name));

        Assert.Equal((AccountErrorCodes.Validation, "name"), (failed.Code, failed.Field));
        Assert.Equal(user.Name, (await host.Accounts.ProfileAsync(user.Id))!.Name);
    }

    [Fact]
    public async Task Changing_the_password_ends_every_other_session_and_keeps_the_new_one()
    {
        await using var host = new AccountsHost(database.ConnectionString, Settings);
        var first = await host.RegisterAsync();
        var second = Assert.IsType<AccountResult<SignedIn>.Succeeded>(await host.Accounts.LoginAsync(first.User.Email, Password)).Value;

        var changed = Assert.IsType<AccountResult<SignedIn>.Succeeded>(await host.Accounts.ChangePasswordAsync(first.User.Id, Password, NewPassword)).Value;

        Assert.Equal(first.User, changed.User);
        Assert.Equal(AccountErrorCodes.RefreshTokenInvalid, Assert.IsType<AccountResult<SignedIn>.Failed>(await host.Accounts.RefreshAsync(first.RefreshToken)).Code);
        Assert.Equal(AccountErrorCodes.RefreshTokenInvalid, Assert.IsType<AccountResult<SignedIn>.Failed>(await host.Accounts.RefreshAsync(second.RefreshToken)).Code);
        Assert.IsType<AccountResult<SignedIn>.Succeeded>(await host.Accounts.RefreshAsync(changed.RefreshToken));
        Assert.Equal(AccountErrorCodes.InvalidCredentials, Assert.IsType<AccountResult<SignedIn>.Failed>(await host.Accounts.LoginAsync(first.User.Email, Password)).Code);
        Assert.IsType<AccountResult<SignedIn>.Succeeded>(await host.Accounts.LoginAsync(first.User.Email, NewPassword));
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing_and_counts_as_a_failed_sign_in()
    {
        await using var host = new AccountsHost(database.ConnectionString, Settings);
        var signedIn = await host.RegisterAsync();

        var wrong = new List<string>();
        for (var i = 0; i < 4; i++)
            wrong.Add(Assert.IsType<AccountResult<SignedIn>.Failed>(await host.Accounts.ChangePasswordAsync(signedIn.User.Id, $"guess {i}", NewPassword)).Code);
        var login = Assert.IsType<AccountResult<SignedIn>.Failed>(await host.Accounts.LoginAsync(signedIn.User.Email, Password));

        Assert.Equal([AccountErrorCodes.InvalidCredentials, AccountErrorCodes.InvalidCredentials, AccountErrorCodes.InvalidCredentials, AccountErrorCodes.RateLimited], wrong);
        Assert.Equal(AccountErrorCodes.RateLimited, login.Code);
        Assert.IsType<AccountResult<SignedIn>.Succeeded>(await host.Accounts.RefreshAsync(signedIn.RefreshToken));
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.IsType<AccountResult<SignedIn>.Succeeded>(await host.Accounts.LoginAsync(signedIn.User.Email, Password));
    }

    [Theory]
    [InlineData("short", "newPassword")]
    [InlineData(Password, "newPassword")]
    public async Task A_new_password_too_short_or_the_same_fails_validation_on_newPassword(string newPassword, string field)
    {
        await using var host = new AccountsHost(database.ConnectionString, Settings);
        var signedIn = await host.RegisterAsync();

        var failed = Assert.IsType<AccountResult<SignedIn>.Failed>(await host.Accounts.ChangePasswordAsync(signedIn.User.Id, Password, newPassword));

        Assert.Equal((AccountErrorCodes.Validation, field), (failed.Code, failed.Field));
        Assert.IsType<AccountResult<SignedIn>.Succeeded>(await host.Accounts.LoginAsync(signedIn.User.Email, Password));
    }

    [Fact]
    public async Task Over_GraphQL_updateProfile_and_changePassword_answer_with_me_and_a_session()
    {
        await using var host = new AccountsHost(database.ConnectionString, Settings);
        var signedIn = await host.RegisterAsync();
        using var client = new GraphQLClient(host.Client(bearer: signedIn.AccessToken));

        var profile = (await client.MutateAsync("""mutation { updateProfile(input: { name: " Grace " }) { user { name email } errors { code } } }""")).Data("updateProfile");
        var wrong = (await client.MutateAsync("""
            mutation { changePassword(input: { currentPassword: "nope", newPassword: "a much longer one" }) { accessToken errors { code field message } } }
            """)).Data("changePassword");
        var changed = (await client.MutateAsync("""
            mutation($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) { accessToken refreshToken user { name } errors { code } } }
            """, new { c = Password, n = NewPassword })).Data("changePassword");
        var me = (await client.QueryAsync("{ me { name } }")).Data("me");

        Assert.Equal("Grace", profile.GetProperty("user").GetProperty("name").GetString());
        Assert.Equal(0, profile.GetProperty("errors").GetArrayLength());
        Assert.Equal("INVALID_CREDENTIALS", wrong.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("currentPassword", wrong.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, wrong.GetProperty("accessToken").ValueKind);
        Assert.Equal(0, changed.GetProperty("errors").GetArrayLength());
        Assert.Equal("Grace", changed.GetProperty("user").GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(changed.GetProperty("refreshToken").GetString()));
        Assert.Equal("Grace", me.GetProperty("name").GetString());
        Assert.IsType<AccountResult<SignedIn>.Succeeded>(await host.Accounts.LoginAsync(signedIn.User.Email, NewPassword));
    }

    [Fact]
    public async Task Without_credentials_both_mutations_are_UNAUTHENTICATED()
    {
        await using var host = new AccountsHost(database.ConnectionString, Settings);
        using var client = new GraphQLClient(host.Client());

        var rename = await client.MutateAsync("""mutation { updateProfile(input: { name: "X" }) { errors { code } } }""");
        var change = await client.MutateAsync("""mutation { changePassword(input: { currentPassword: "a", newPassword: "bbbbbbbbbbbb" }) { errors { code } } }""");

        Assert.Equal("UNAUTHENTICATED", rename.ErrorCode());
        Assert.Equal("UNAUTHENTICATED", change.ErrorCode());
    }

    [Fact]
    public async Task Logout_of_all_sessions_with_the_current_token_ends_every_device_and_an_old_token_ends_none()
    {
        await using var host = new AccountsHost(database.ConnectionString, Settings);
        var laptop = await host.RegisterAsync();
        var phone = Assert.IsType<AccountResult<SignedIn>.Succeeded>(await host.Accounts.LoginAsync(laptop.User.Email, Password)).Value;
        var rotated = Assert.IsType<AccountResult<SignedIn>.Succeeded>(await host.Accounts.RefreshAsync(phone.RefreshToken)).Value;
        var stranger = await host.RegisterAsync();

        var withSpentToken = await host.Accounts.LogoutAsync(phone.RefreshToken, allSessions: true);
        var laptopStillRefreshes = await host.Accounts.RefreshAsync(laptop.RefreshToken);
        var everywhere = await host.Accounts.LogoutAsync(rotated.RefreshToken, allSessions: true);

        Assert.False(withSpentToken);
        var laptopNext = Assert.IsType<AccountResult<SignedIn>.Succeeded>(laptopStillRefreshes).Value;
        Assert.True(everywhere);
        Assert.Equal(AccountErrorCodes.RefreshTokenInvalid, Assert.IsType<AccountResult<SignedIn>.Failed>(await host.Accounts.RefreshAsync(laptopNext.RefreshToken)).Code);
        Assert.IsType<AccountResult<SignedIn>.Failed>(await host.Accounts.RefreshAsync(rotated.RefreshToken));
        Assert.IsType<AccountResult<SignedIn>.Succeeded>(await host.Accounts.RefreshAsync(stranger.RefreshToken));
    }

    [Fact]
    public async Task Over_GraphQL_logout_with_allSessions_signs_out_everywhere()
    {
        await using var host = new AccountsHost(database.ConnectionString, Settings);
        var first = await host.RegisterAsync();
        var second = Assert.IsType<AccountResult<SignedIn>.Succeeded>(await host.Accounts.LoginAsync(first.User.Email, Password)).Value;
        using var client = new GraphQLClient(host.Client());

        var logout = (await client.MutateAsync("""
            mutation($t: String!) { logout(input: { refreshToken: $t, allSessions: true }) { loggedOut errors { code } } }
            """, new { t = second.RefreshToken })).Data("logout");

        Assert.True(logout.GetProperty("loggedOut").GetBoolean());
        Assert.IsType<AccountResult<SignedIn>.Failed>(await host.Accounts.RefreshAsync(first.RefreshToken));
    }

    [Fact]
    public async Task Names_with_control_characters_are_refused_at_sign_up_and_for_API_keys_too()
    {
        await using var host = new AccountsHost(database.ConnectionString, Settings);
        var user = (await host.RegisterAsync()).User;

        var signUp = Assert.IsType<AccountResult<SignedIn>.Failed>(await host.Accounts.RegisterAsync($"u{Guid.NewGuid():N}@example.com", Password, "Ada\u0000"));
        var apiKey = Assert.IsType<AccountResult<CreatedApiKey>.Failed>(await host.Accounts.CreateApiKeyAsync(user.Id, "ci\u0000key"));

        Assert.Equal((AccountErrorCodes.Validation, "name", "Name must not contain control characters."), (signUp.Code, signUp.Field, signUp.Message));
        Assert.Equal((AccountErrorCodes.Validation, "name"), (apiKey.Code, apiKey.Field));
    }
}
