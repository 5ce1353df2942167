using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using TaskForge.Api.Tests.Accounts;
using TaskForge.Api.Tests.GraphQL.Support;

namespace TaskForge.Api.Tests.Interop;

/// <summary>Credentials refused through /graphql itself: bad access tokens, a reused refresh token, a revoked API key.</summary>
public sealed class TokenRejectionTests(TokenRejectionTests.NoGraceHost api) : IClassFixture<TokenRejectionTests.NoGraceHost>
{
    /// <summary>A reused refresh token is a reuse at once: no grace window for lost answers.</summary>
    public sealed class NoGraceHost : ApiHostFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Auth:RefreshReuseGraceSeconds"] = "0" };
    }

    public static TheoryData<string, string> BadAccessTokens => new()
    {
        { "expired", "the access token has expired" },
        { "alg-none", "unsigned (alg none is not accepted)" },
        { "wrong-key", "bad signature" },
        { "hs512", "the signing algorithm HS512 is not accepted" },
    };

    [Theory]
    [MemberData(nameof(BadAccessTokens))]
    public async Task A_bad_access_token_on_graphql_gets_401_UNAUTHENTICATED_naming_the_cause(string kind, string cause)
    {
        using var signedIn = await api.SignUpAsync("token");
        var user = Guid.Parse(await UserGuidAsync(signedIn));
        var token = kind switch
        {
            "expired" => TestTokens.Hs(api.SigningKey, SecurityAlgorithms.HmacSha256, user, DateTimeOffset.UtcNow.AddMinutes(-5)),
            "alg-none" => TestTokens.Unsigned(user),
            "wrong-key" => TestTokens.Hs(RandomNumberGenerator.GetBytes(64), SecurityAlgorithms.HmacSha256, user),
            _ => TestTokens.Hs(api.SigningKey, SecurityAlgorithms.HmacSha512, user),
        };
        using var client = api.Anonymous();
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.QueryAsync("{ me { id email } }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.ErrorCode());
        Assert.Contains(cause, response.Body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(response.Body.TryGetProperty("data", out _), response.Text);
        // The same user's genuine token still works: the refusal is about the token, not the account.
        Assert.Equal(signedIn.Email, (await signedIn.QueryAsync("{ me { email } }")).Data("me").GetProperty("email").GetString());
    }

    [Fact]
    public async Task A_bad_access_token_gets_a_challenge_header_naming_the_cause()
    {
        using var client = api.Anonymous();
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Unsigned(Guid.NewGuid()));

        using var response = await client.Http.PostAsJsonAsync("/graphql", new { query = "{ __typename }" });

        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Contains("unsigned", challenge.Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refresh_token_reused_after_the_grace_window_is_REFRESH_TOKEN_REUSED_and_revokes_the_whole_family()
    {
        using var client = api.Anonymous();
        var email = $"reuse-{Guid.NewGuid():N}@example.com";
        var first = (await client.MutateAsync(
            "mutation($input: RegisterInput!) { register(input: $input) { refreshToken errors { code message } } }",
            new { input = new { email, password = "correct horse battery staple", name = "Reuse" } })).Payload("register").GetProperty("refreshToken").GetString()!;

        var second = await RefreshAsync(client, first);
        Assert.Equal(0, second.GetProperty("errors").GetArrayLength());
        var newest = second.GetProperty("refreshToken").GetString()!;
        Assert.NotEqual(first, newest);

        var reused = await RefreshAsync(client, first);
        var error = Assert.Single(reused.GetProperty("errors").EnumerateArray());
        Assert.Equal("REFRESH_TOKEN_REUSED", error.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, reused.GetProperty("accessToken").ValueKind);
        Assert.Equal(JsonValueKind.Null, reused.GetProperty("refreshToken").ValueKind);

        // The family is revoked: its newest token, never used, is refused too.
        var afterRevocation = await RefreshAsync(client, newest);
        var refused = Assert.Single(afterRevocation.GetProperty("errors").EnumerateArray());
        Assert.Equal("REFRESH_TOKEN_INVALID", refused.GetProperty("code").GetString());
        Assert.Contains("revoked", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, afterRevocation.GetProperty("refreshToken").ValueKind);
    }

    [Fact]
    public async Task An_api_key_works_on_graphql_until_it_is_revoked_and_then_gets_401()
    {
        using var owner = await api.SignUpAsync("keys");
        var created = (await owner.MutateAsync("mutation { createApiKey(input: { name: \"ci\" }) { key apiKey { id } errors { code message } } }")).Payload("createApiKey");
        using var script = api.Anonymous();
        script.Http.DefaultRequestHeaders.Add("X-API-Key", created.GetProperty("key").GetString());

        var before = await script.QueryAsync("{ me { email } }");
        var revoked = (await owner.MutateAsync("mutation($id: ID!) { revokeApiKey(input: { apiKeyId: $id }) { apiKey { revokedAt } errors { code message } } }",
            new { id = created.GetProperty("apiKey").GetProperty("id").GetString() })).Payload("revokeApiKey");
        var after = await script.QueryAsync("{ me { email } }");

        Assert.Equal(owner.Email, before.Data("me").GetProperty("email").GetString());
        Assert.NotEqual(JsonValueKind.Null, revoked.GetProperty("apiKey").GetProperty("revokedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.Equal("UNAUTHENTICATED", after.ErrorCode());
        Assert.Contains("revoked", after.Body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> RefreshAsync(GraphQLClient client, string refreshToken) =>
        (await client.MutateAsync(
            "mutation($input: RefreshTokenInput!) { refreshToken(input: $input) { accessToken refreshToken errors { code message } } }",
            new { input = new { refreshToken } })).Data("refreshToken");

    private static async Task<string> UserGuidAsync(GraphQLClient client)
    {
        using var me = await client.Http.GetAsync(new Uri("/auth/me", UriKind.Relative));
        using var profile = JsonDocument.Parse(await me.Content.ReadAsStringAsync());
        return profile.RootElement.GetProperty("userId").GetString()!;
    }
}
