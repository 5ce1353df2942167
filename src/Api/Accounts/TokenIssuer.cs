using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TaskForge.Api.Accounts;

/// <summary>Mints HS256 access tokens, and says how they are checked (the JwtBearer scheme uses <see cref="ValidationParameters"/>).</summary>
public sealed class TokenIssuer(JwtSigningKey signingKey, IOptions<AuthOptions> options, [FromKeyedServices(AccountsExtensions.ClockKey)] TimeProvider time)
{
    public const string Issuer = "taskforge";
    public const string Audience = "taskforge-api";
    public const string Algorithm = SecurityAlgorithms.HmacSha256;
    public const int MaximumTokenBytes = 8 * 1024;
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials = new(signingKey.Key, Algorithm);

    public (string Token, DateTimeOffset ExpiresAt) IssueAccessToken(UserProfile user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = time.GetUtcNow();
        var expires = now.AddMinutes(options.Value.AccessTokenMinutes);
        var claims = AccountClaims.For(user).ToDictionary(c => c.Type, object (c) => c.Value);
        claims[JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N");
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = _credentials,
        });
        return (token, expires);
    }

    /// <summary>HS256 with this node's key only: <c>alg: none</c>, HS512, RS256 and every other algorithm are refused.</summary>
    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = signingKey.Key,
        ValidAlgorithms = [Algorithm],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = ClockSkew,
        NameClaimType = AccountClaims.Name,
    };
}
