using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace TaskForge.Api.Accounts;

/// <summary>The JwtBearer scheme's 401: an RFC 6750 challenge naming the cause, and a GraphQL-shaped JSON body.</summary>
internal static partial class AccessTokenEvents
{
    public static JwtBearerEvents Create() => new()
    {
        // Browsers cannot set headers on a WebSocket (or EventSource): the SignalR client sends the token as a query
        // parameter, accepted on the hub paths only (query strings end up in logs elsewhere).
        OnMessageReceived = context =>
        {
            if (context.HttpContext.Request.Path.StartsWithSegments("/hubs") && context.Request.Query["access_token"] is [{ Length: > 0 } token])
                context.Token = token;
            return Task.CompletedTask;
        },
        OnAuthenticationFailed = context =>
        {
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccessTokenEvents));
            LogRefused(logger, JwtFailures.Describe(context.Exception, JwtFailures.AlgorithmOf(context.Request)), context.Exception.GetType().Name, context.Exception.Message);
            return Task.CompletedTask;
        },
        OnChallenge = async context =>
        {
            context.HandleResponse();
            var failure = context.AuthenticateFailure is { } e ? JwtFailures.Describe(e, JwtFailures.AlgorithmOf(context.Request)) : null;
            await ErrorResponses.WriteUnauthenticatedAsync(context.HttpContext, JwtBearerDefaults.AuthenticationScheme, failure);
        },
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused an access token: {Reason} ({ExceptionType}: {ExceptionMessage})")]
    private static partial void LogRefused(ILogger logger, string reason, string exceptionType, string exceptionMessage);
}
