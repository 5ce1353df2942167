using System.Diagnostics;

namespace TaskForge.Api.Operations;

/// <summary>
/// One line per request when <c>Logging:Requests</c> is true: method, path, status and time. Never the query string
/// (SignalR sends its token there), headers or bodies (Authorization, X-API-Key, cookies, passwords).
/// </summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, ILoggerFactory loggers)
{
    public const string SettingName = "Logging:Requests";

    public const string Category = "TaskForge.Api.Requests";

    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            _logger.LogInformation("HTTP {Method} {Path} answered {StatusCode} in {ElapsedMs:0.0} ms",
                context.Request.Method, context.Request.PathBase + context.Request.Path, context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
