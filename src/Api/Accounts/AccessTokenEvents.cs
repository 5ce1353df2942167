using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace TaskForge.Api.Accounts;

/// <summary>The JwtBearer scheme's 401: an RFC 6750 challenge naming the cause, and a GraphQL-shaped JSON body.</summary>
internal static partial class AccessTokenEvents
{
    public static JwtBearerEvents Create() => new()
    {
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
