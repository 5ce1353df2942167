using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using TaskForge.Api.Accounts;

namespace TaskForge.Api.Tests.Accounts;

public sealed class AuthHttpTests(AccountsHostFixture fixture) : IClassFixture<AccountsHostFixture>
{
    private static readonly Uri Me = new("/auth/me", UriKind.Relative);

    [Fact]
    public async Task A_valid_access_token_gets_the_profile_from_auth_me()
    {
        var signedIn = await fixture.Host.RegisterAsync();
        using var client = fixture.Host.Client(bearer: signedIn.AccessToken);

        var profile = await client.GetFromJsonAsync<MeResponse>(Me);

        Assert.Equal(MeResponse.From(signedIn.User), profile);
        Assert.Equal(TaskForge.Api.Schema.GlobalId.User(signedIn.User.Id), profile!.Id); // the id GraphQL's me { id } gives, and takes as a userId
    }

    [Fact]
    public async Task A_request_without_credentials_is_anonymous_and_auth_me_asks_for_authentication()
    {
        using var client = fixture.Host.Client();

        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var me = await client.GetAsync(Me);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal("Bearer", Assert.Single(me.Headers.WwwAuthenticate).ToString());
        Assert.Equal("UNAUTHENTICATED", await ErrorCodeAsync(me));
    }

    public static TheoryData<string, string> RejectedTokens => new()
    {
        { "expired", "has expired" },
        { "alg-none", "unsigned" },
        { "wrong-key", "bad signature" },
        { "hs512", "algorithm" },
        { "rs256", "algorithm" },
        { "wrong-issuer", "issuer" },
        { "garbage", "malformed" },
        { "overlong", "longer than" },
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task A_bad_access_token_gets_401_invalid_token_naming_the_cause(string kind, string cause)
    {
        var user = (await fixture.Host.RegisterAsync()).User.Id;
        var key = fixture.Host.SigningKey;
        var token = kind switch
        {
            "expired" => TestTokens.Hs(key, SecurityAlgorithms.HmacSha256, user, DateTimeOffset.UtcNow.AddMinutes(-5)),
            "alg-none" => TestTokens.Unsigned(user),
            "wrong-key" => TestTokens.Hs(RandomNumberGenerator.GetBytes(64), SecurityAlgorithms.HmacSha256, user),
            "hs512" => TestTokens.Hs(key, SecurityAlgorithms.HmacSha512, user),
            "rs256" => TestTokens.Rs256(user),
            "wrong-issuer" => TestTokens.Mint(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256, user, issuer: "elsewhere"),
            "garbage" => "this.is.not-a-jwt",
            _ => new string('a', 9000) + "." + new string('b', 100) + ".c",
        };
        using var client = fixture.Host.Client(bearer: token);

        var me = await client.GetAsync(Me);
        var anonymousEndpoint = await client.GetAsync(new Uri("/graphql?query=%7B__typename%7D", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        var challenge = Assert.Single(me.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.True(challenge.Parameter!.Contains(cause, StringComparison.Ordinal), challenge.Parameter);
        Assert.Equal("UNAUTHENTICATED", await ErrorCodeAsync(me));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousEndpoint.StatusCode);
    }

    [Fact]
    public async Task An_api_key_authenticates_until_it_is_revoked_and_then_gets_401()
    {
        var user = (await fixture.Host.RegisterAsync()).User;
        var created = Assert.IsType<AccountResult<CreatedApiKey>.Succeeded>(await fixture.Host.Accounts.CreateApiKeyAsync(user.Id, " ci bot ")).Value;
        using var client = fixture.Host.Client(apiKey: created.Key);

        var profile = await client.GetFromJsonAsync<MeResponse>(Me);
        var listed = Assert.Single(await fixture.Host.Accounts.ApiKeysAsync(user.Id));
        Assert.True(await fixture.Host.Accounts.RevokeApiKeyAsync(user.Id, created.Info.Id));
        var revoked = await client.GetAsync(Me);

        Assert.Equal(MeResponse.From(user), profile);
        Assert.Matches("^tf_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$", created.Key);
        Assert.Equal(("ci bot", created.Info.Prefix), (listed.Name, listed.Prefix));
        Assert.NotNull(listed.LastUsedAt);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        var challenge = Assert.Single(revoked.Headers.WwwAuthenticate);
        Assert.Equal("ApiKey", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Contains("revoked", challenge.Parameter, StringComparison.Ordinal);
        Assert.Contains("revoked", await MessageAsync(revoked), StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(await fixture.Host.Accounts.ApiKeysAsync(user.Id)).RevokedAt);
    }

    [Theory]
    [InlineData("tf_abcdefghijkl_not-the-secret", "unknown")]
    [InlineData("sk_live_something", "malformed")]
    public async Task An_unknown_or_malformed_api_key_gets_401_even_on_an_anonymous_endpoint(string key, string cause)
    {
        using var client = fixture.Host.Client(apiKey: key);

        var response = await client.GetAsync(new Uri("/graphql?query=%7B__typename%7D", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(cause, Assert.Single(response.Headers.WwwAuthenticate).Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_owner_revokes_a_key_and_a_key_for_an_unknown_user_is_NOT_FOUND()
    {
        var owner = (await fixture.Host.RegisterAsync()).User;
        var other = (await fixture.Host.RegisterAsync()).User;
        var created = Assert.IsType<AccountResult<CreatedApiKey>.Succeeded>(await fixture.Host.Accounts.CreateApiKeyAsync(owner.Id, "k")).Value;

        Assert.False(await fixture.Host.Accounts.RevokeApiKeyAsync(other.Id, created.Info.Id));
        Assert.Null(Assert.Single(await fixture.Host.Accounts.ApiKeysAsync(owner.Id)).RevokedAt);
        var missing = Assert.IsType<AccountResult<CreatedApiKey>.Failed>(await fixture.Host.Accounts.CreateApiKeyAsync(Guid.NewGuid(), "k"));
        Assert.Equal(AccountErrorCodes.NotFound, missing.Code);
    }

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
    }

    private static async Task<string> MessageAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("errors")[0].GetProperty("message").GetString()!;
    }
}
