using System.Globalization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using TaskForge.Api.Accounts;
using TaskForge.Realtime.Hub;

namespace TaskForge.Api.Realtime;

/// <summary>
/// Checks a token handed to the hub's <c>RefreshToken</c> with the JWT bearer scheme's own handlers and parameters, so
/// it is accepted exactly when it would be accepted at connect (ADR 0138).
/// </summary>
public sealed class JwtAccessTokenValidator(IOptionsMonitor<JwtBearerOptions> schemes) : IAccessTokenValidator
{
    public async Task<AccessTokenCheck> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var options = schemes.Get(JwtBearerDefaults.AuthenticationScheme);
        Exception? failure = null;
        foreach (var handler in options.TokenHandlers)
        {
            var result = await handler.ValidateTokenAsync(token, options.TokenValidationParameters);
            if (result.IsValid)
            {
                var subject = result.Claims.TryGetValue(JwtRegisteredClaimNames.Sub, out var sub) ? sub as string : null;
                if (!Guid.TryParse(subject, CultureInfo.InvariantCulture, out var userId))
                    return AccessTokenCheck.Refused("the access token names no user");
                var name = (result.Claims.TryGetValue(AccountClaims.Name, out var n) ? n as string : null)
                    ?? (result.Claims.TryGetValue(AccountClaims.Email, out var email) ? email as string : null);
                return new AccessTokenCheck(userId, name, result.SecurityToken?.ValidTo is { } validTo && validTo != DateTime.MinValue
                    ? new DateTimeOffset(DateTime.SpecifyKind(validTo, DateTimeKind.Utc)) : null, null);
            }

            failure ??= result.Exception;
        }

        return AccessTokenCheck.Refused(failure is null ? "the access token is invalid" : JwtFailures.Describe(failure, JwtFailures.AlgorithmOf(token)));
    }
}
