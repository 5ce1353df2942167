using System.Text.Json;

namespace TaskForge.Api.Accounts;

/// <summary>Errors of the HTTP pipeline (401, 429) in the GraphQL response shape, so GraphQL clients read them as usual.</summary>
internal static class ErrorResponses
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string RateLimited = "RATE_LIMITED";

    public static Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var body = new { errors = new[] { new { message, extensions = new { code } } } };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }

    /// <summary>An RFC 6750 challenge: <c>Bearer error="invalid_token", error_description="..."</c> when credentials failed.</summary>
    public static Task WriteUnauthenticatedAsync(HttpContext context, string scheme, string? failure)
    {
        var challenge = failure is null ? scheme : $"{scheme} error=\"invalid_token\", error_description=\"{failure.Replace("\"", "'", StringComparison.Ordinal)}\"";
        context.Response.Headers.Append("WWW-Authenticate", challenge);
        return WriteAsync(context, StatusCodes.Status401Unauthorized, Unauthenticated, failure is null ? "Authentication required." : $"Invalid credentials: {failure}.");
    }
}
