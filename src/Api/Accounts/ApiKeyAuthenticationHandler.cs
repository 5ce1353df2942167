using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace TaskForge.Api.Accounts;

/// <summary>The <c>ApiKey</c> scheme: a key in the <c>X-API-Key</c> header. No header: no result (anonymous).</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountService accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-API-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values))
            return AuthenticateResult.NoResult();
        if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
            return AuthenticateResult.Fail("the X-API-Key header must hold exactly one key");

        var result = await accounts.AuthenticateApiKeyAsync(values[0]!, Context.RequestAborted);
        if (result is AccountResult<(UserProfile User, Guid ApiKeyId)>.Failed failed)
            return AuthenticateResult.Fail(failed.Message);

        var (user, apiKeyId) = ((AccountResult<(UserProfile User, Guid ApiKeyId)>.Succeeded)result).Value;
        var claims = AccountClaims.For(user);
        claims.Add(new Claim(AccountClaims.ApiKeyId, apiKeyId.ToString()));
        var identity = new ClaimsIdentity(claims, SchemeName, AccountClaims.Name, null);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await ErrorResponses.WriteUnauthenticatedAsync(Context, SchemeName, result.Failure?.Message);
    }
}
