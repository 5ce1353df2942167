using Microsoft.AspNetCore.Http;

namespace TaskForge.GraphQL.Http;

internal sealed partial class GraphQLHttpHandler
{
    /// <summary>
    /// A batch is answered 200 with one result per entry, in order (docs/adr/0036): an entry that is malformed, fails
    /// before execution or is refused gets a result with only errors, and the other entries still run.
    /// </summary>
    private async Task RunBatchAsync(
        HttpContext http, ResponseMediaType mediaType, IReadOnlyList<RequestReadResult> batch, CancellationToken cancellationToken)
    {
        RequestContext context;
        try
        {
            context = await options.ContextFactory(http);
        }
        catch (GraphQLRequestRejectedException rejected)
        {
            await GraphQLHttpResponseWriter.WriteErrorAsync(http.Response, mediaType, new HttpRequestError(rejected.StatusCode, rejected.Message), cancellationToken);
            return;
        }

        var results = new List<ExecutionResult>(batch.Count);
        foreach (var entry in batch)
        {
            if (!entry.IsSuccess)
            {
                results.Add(ExecutionResult.FromErrors([GraphQLError.WithCode(entry.Error!.Message, ErrorCodes.BadRequest)]));
                continue;
            }

            var (_, result, error) = await RunOneAsync(http, entry.Request, context, mediaType, cancellationToken);
            results.Add(result ?? ExecutionResult.FromErrors([GraphQLError.WithCode(error!.Message, ErrorCodes.BadRequest)]));
        }

        await GraphQLHttpResponseWriter.WriteBatchAsync(http.Response, mediaType, results, cancellationToken);
    }
}
