using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TaskForge.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP: reads the request, runs it through the engine and answers with the status codes of the
/// spec for the negotiated media type: with <c>application/graphql-response+json</c>, 400 for requests that do
/// not reach execution (syntax, validation, variable coercion); with <c>application/json</c>, 200 for every
/// well-formed request.
/// </summary>
internal sealed partial class GraphQLHttpHandler(GraphQLEngine engine, GraphQLHttpOptions options, ILogger logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        var mediaType = AcceptNegotiation.Choose(http.Request.Headers.Accept);
        if (mediaType is null)
        {
            var notAcceptable = new HttpRequestError(
                StatusCodes.Status406NotAcceptable,
                $"None of the Accept media types can be served: accept {GraphQLMediaTypes.GraphQLResponseJson} or {GraphQLMediaTypes.Json}.");
            await GraphQLHttpResponseWriter.WriteErrorAsync(http.Response, ResponseMediaType.Json, notAcceptable, cancellationToken);
            return;
        }

        try
        {
            var read = await GraphQLHttpRequestReader.ReadAsync(http.Request, options, cancellationToken);
            if (read.Batch is { } batch)
            {
                await RunBatchAsync(http, mediaType.Value, batch, cancellationToken);
                return;
            }

            var (status, result, error) = await RunAsync(http, read, mediaType.Value, cancellationToken);
            if (error is null && result is null)
            {
                return;
            }

            if (error is not null)
            {
                await GraphQLHttpResponseWriter.WriteErrorAsync(http.Response, mediaType.Value, error, cancellationToken);
                return;
            }

            await GraphQLHttpResponseWriter.WriteAsync(http.Response, mediaType.Value, status, result!, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            var traceId = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
            logger.LogError(e, "GraphQL HTTP request failed unexpectedly {TraceId}", traceId);
            var masked = new GraphQLError(
                "Unexpected error.", extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.InternalServerError, ["traceId"] = traceId });
            await GraphQLHttpResponseWriter.WriteAsync(
                http.Response, mediaType.Value, StatusCodes.Status500InternalServerError, ExecutionResult.FromErrors([masked]), cancellationToken);
        }
    }

    private async Task<(int Status, ExecutionResult? Result, HttpRequestError? Error)> RunAsync(
        HttpContext http, RequestReadResult read, ResponseMediaType mediaType, CancellationToken cancellationToken)
    {
        if (!read.IsSuccess)
        {
            return (0, null, read.Error);
        }

        RequestContext context;
        try
        {
            context = await options.ContextFactory(http);
        }
        catch (GraphQLRequestRejectedException rejected)
        {
            return (0, null, new HttpRequestError(rejected.StatusCode, rejected.Message));
        }

        return await RunOneAsync(http, read.Request, context, mediaType, cancellationToken, allowMultipart: true);
    }

    /// <summary>Runs one request; with <paramref name="allowMultipart"/> an incremental response is written here and nothing is returned.</summary>
    private async Task<(int Status, ExecutionResult? Result, HttpRequestError? Error)> RunOneAsync(
        HttpContext http, GraphQLRequest request, RequestContext context, ResponseMediaType mediaType, CancellationToken cancellationToken,
        bool allowMultipart = false)
    {
        var requestErrorStatus = mediaType == ResponseMediaType.GraphQLResponseJson
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        var prepared = engine.Prepare(request);
        if (!prepared.IsSuccess)
        {
            return (requestErrorStatus, prepared.ToErrorResult(), null);
        }

        var kind = prepared.Operation.Kind;
        if (kind == OperationKind.Mutation && HttpMethods.IsGet(http.Request.Method))
        {
            return (0, null, new HttpRequestError(StatusCodes.Status405MethodNotAllowed, "Mutations cannot be sent with GET: use POST.", "POST"));
        }

        if (kind == OperationKind.Subscription)
        {
            var error = GraphQLError.WithCode("Subscriptions are served over WebSocket (graphql-transport-ws) or Server-Sent Events (Accept: text/event-stream), not plain HTTP.", ErrorCodes.BadRequest);
            return (requestErrorStatus, ExecutionResult.FromErrors([error]), null);
        }

        if (allowMultipart && prepared.Operation.UsesIncrementalDelivery && AcceptsIncrementalMultipart(http.Request))
        {
            await WriteMultipartAsync(http, prepared.Operation, request, context, mediaType, cancellationToken);
            return (0, null, null);
        }

        var result = await engine.ExecuteAsync(prepared.Operation, request, context, cancellationToken);
        return (StatusOf(result, mediaType), result, null);
    }

    /// <summary>
    /// 200 once execution started (partial results included). Without data the request failed before execution:
    /// 400 for its variables, 504 when it ran out of time, in application/graphql-response+json; 200 in application/json.
    /// </summary>
    private static int StatusOf(ExecutionResult result, ResponseMediaType mediaType)
    {
        if (result.HasData || mediaType == ResponseMediaType.Json)
        {
            return StatusCodes.Status200OK;
        }

        return result.Errors?.Any(e => e.Code == ErrorCodes.ExecutionTimeout) == true
            ? StatusCodes.Status504GatewayTimeout
            : StatusCodes.Status400BadRequest;
    }
}
