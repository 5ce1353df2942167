using Microsoft.IdentityModel.Tokens;

namespace TaskForge.Api.Accounts;

/// <summary>Names why a bearer token was refused, for the <c>error_description</c> of the challenge.</summary>
internal static class JwtFailures
{
    public static string Describe(Exception failure) => failure switch
    {
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
}
