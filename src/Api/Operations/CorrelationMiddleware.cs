using System.Diagnostics;

namespace TaskForge.Api.Operations;

/// <summary>Gives each request its correlation id: in a log scope around the rest of the pipeline, on the trace, in the response.</summary>
internal sealed class CorrelationMiddleware(RequestDelegate next, ILogger<CorrelationMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var id = CorrelationId.Assign(context);
        Activity.Current?.SetTag("taskforge.correlation_id", id);

        // Set as the response starts: an exception handler that clears the headers of a failed response runs before.
        context.Response.OnStarting(static state =>
        {
            var (response, correlationId) = ((HttpResponse, string))state;
            response.Headers[CorrelationId.HeaderName] = correlationId;
            return Task.CompletedTask;
        }, (context.Response, id));

        using (logger.BeginScope(new CorrelationScope(id)))
            await next(context);
    }
}
