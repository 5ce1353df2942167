using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace TaskForge.GraphQL.Http;

internal sealed partial class GraphQLHttpHandler
{
    private static readonly byte[] PartStart = Encoding.ASCII.GetBytes("\r\n---\r\nContent-Type: application/json; charset=utf-8\r\n\r\n");
    private static readonly byte[] Terminator = Encoding.ASCII.GetBytes("\r\n-----\r\n");

    /// <summary>
    /// Whether the client takes an incremental response as <c>multipart/mixed</c> in graphql-js 17's format:
    /// <c>incrementalSpec=v0.2</c> (Apollo Client's GraphQL17Alpha9Handler) or no spec parameter. A client that
    /// names only <c>deferSpec=20220824</c> (the older format) gets the whole result as one JSON response.
    /// </summary>
    internal static bool AcceptsIncrementalMultipart(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals("multipart/mixed", StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0
            && (a.Parameters.All(p => !p.Name.Equals("deferSpec", StringComparison.OrdinalIgnoreCase))
                || a.Parameters.Any(p => p.Name.Equals("incrementalSpec", StringComparison.OrdinalIgnoreCase))));

    /// <summary>
    /// Writes each part as it is ready: <c>multipart/mixed; boundary="-"</c>, one JSON body per part. When nothing is
    /// deferred after all (<c>if: false</c>, all fits, variables failed) the one result is a plain JSON response with
    /// the usual status code.
    /// </summary>
    private async Task WriteMultipartAsync(
        HttpContext http, PreparedOperation operation, GraphQLRequest request, RequestContext context, ResponseMediaType mediaType,
        CancellationToken cancellationToken)
    {
        var response = http.Response;
        await using var parts = engine.ExecuteIncrementalAsync(operation, request, context, cancellationToken).GetAsyncEnumerator(cancellationToken);
        if (!await parts.MoveNextAsync())
        {
            return;
        }

        if (parts.Current.IsPlain)
        {
            var result = parts.Current.Initial!;
            await GraphQLHttpResponseWriter.WriteAsync(response, mediaType, StatusOf(result, mediaType), result, cancellationToken);
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "multipart/mixed; boundary=\"-\"; incrementalSpec=v0.2";
        response.Headers.CacheControl = "no-cache";
        do
        {
            var buffer = new ArrayBufferWriter<byte>(1024);
            buffer.Write(PartStart);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                parts.Current.WriteTo(writer);
            }

            await response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }
        while (await parts.MoveNextAsync());

        await response.Body.WriteAsync(Terminator, cancellationToken);
    }
}
