using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TaskForge.Api.Tests.Accounts;

/// <summary>Access tokens a client (or an attacker) could send, minted outside the server.</summary>
internal static class TestTokens
{
    public static string Mint(SecurityKey key, string algorithm, Guid userId, DateTimeOffset? expires = null, string issuer = "taskforge")
    {
        var expiry = expires ?? DateTimeOffset.UtcNow.AddMinutes(5);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = "taskforge-api",
            IssuedAt = expiry.AddMinutes(-10).UtcDateTime,
            NotBefore = expiry.AddMinutes(-10).UtcDateTime,
            Expires = expiry.UtcDateTime,
            Claims = new Dictionary<string, object> { ["sub"] = userId.ToString() },
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }

    public static string Hs(byte[] key, string algorithm, Guid userId, DateTimeOffset? expires = null) => Mint(new SymmetricSecurityKey(key), algorithm, userId, expires);

    public static string Unsigned(Guid userId)
    {
        var header = Encode("""{"alg":"none","typ":"JWT"}""");
        var exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        var payload = Encode($$"""{"sub":"{{userId}}","iss":"taskforge","aud":"taskforge-api","exp":{{exp}}}""");
        return $"{header}.{payload}.";
    }

    public static string Rs256(Guid userId)
    {
        using var rsa = RSA.Create(2048);
        return Mint(new RsaSecurityKey(rsa.ExportParameters(true)), SecurityAlgorithms.RsaSha256, userId);
    }

    private static string Encode(string json) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(json));
}
