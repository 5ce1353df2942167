using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TaskForge.Api.Accounts;

/// <summary>Names why a bearer token was refused, for the <c>error_description</c> of the challenge.</summary>
internal static class JwtFailures
{
    /// <param name="algorithm">The <c>alg</c> of the token's header, when it could be read: IdentityModel reports a token
    /// signed with another algorithm as "no key found", which would read as a bad signature.</param>
    public static string Describe(Exception failure, string? algorithm = null) => failure switch
    {
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException or SecurityTokenInvalidAlgorithmException
            when algorithm is not null && algorithm != TokenIssuer.Algorithm && algorithm != "none" =>
            $"the signing algorithm {algorithm} is not accepted (only {TokenIssuer.Algorithm})",
        SecurityTokenExpiredException => "the access token has expired",
        SecurityTokenNotYetValidException => "the access token is not valid yet",
        SecurityTokenNoExpirationException => "the access token has no expiry",
        SecurityTokenInvalidAlgorithmException => $"the signing algorithm is not accepted (only {TokenIssuer.Algorithm})",
        SecurityTokenInvalidSignatureException e when e.Message.Contains("IDX10504", StringComparison.Ordinal) => "the access token is unsigned (alg none is not accepted)",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "bad signature",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenMalformedException or ArgumentException when failure.Message.Contains("IDX10209", StringComparison.Ordinal) => $"the access token is longer than {TokenIssuer.MaximumTokenBytes} bytes",
        SecurityTokenMalformedException or ArgumentException => "the access token is malformed",
        _ => "the access token is invalid",
    };

    /// <summary>The header's <c>alg</c> of the request's bearer token, read without validating anything; null when unreadable.</summary>
    public static string? AlgorithmOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string BearerPrefix = "Bearer ";
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || header.Length > TokenIssuer.MaximumTokenBytes + BearerPrefix.Length)
            return null;
        return AlgorithmOf(header[BearerPrefix.Length..].Trim());
    }

    /// <summary>The header's <c>alg</c> of <paramref name="token"/>, read without validating anything; null when unreadable.</summary>
    public static string? AlgorithmOf(string token)
    {
        if (token.Length > TokenIssuer.MaximumTokenBytes)
            return null;
        try
        {
            return new JsonWebTokenHandler().CanReadToken(token) ? new JsonWebToken(token).Alg : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
