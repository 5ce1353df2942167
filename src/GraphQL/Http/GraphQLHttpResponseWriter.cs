using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace TaskForge.GraphQL.Http;

/// <summary>Writes a GraphQL response with its status code in the negotiated media type, UTF-8.</summary>
internal static class GraphQLHttpResponseWriter
{
    private const string GraphQLResponseContentType = GraphQLMediaTypes.GraphQLResponseJson + "; charset=utf-8";
    private const string JsonContentType = GraphQLMediaTypes.Json + "; charset=utf-8";

    public static async Task WriteAsync(
        HttpResponse response, ResponseMediaType mediaType, int statusCode, ExecutionResult result, CancellationToken cancellationToken)
    {
        response.StatusCode = statusCode;
        response.ContentType = mediaType == ResponseMediaType.GraphQLResponseJson ? GraphQLResponseContentType : JsonContentType;
        using (var writer = new Utf8JsonWriter(response.BodyWriter))
        {
            result.WriteTo(writer);
        }

        await response.BodyWriter.FlushAsync(cancellationToken);
    }

    public static async Task WriteBatchAsync(
        HttpResponse response, ResponseMediaType mediaType, IReadOnlyList<ExecutionResult> results, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = mediaType == ResponseMediaType.GraphQLResponseJson ? GraphQLResponseContentType : JsonContentType;
        using (var writer = new Utf8JsonWriter(response.BodyWriter))
        {
            writer.WriteStartArray();
            foreach (var result in results)
            {
                result.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        await response.BodyWriter.FlushAsync(cancellationToken);
    }

    public static Task WriteErrorAsync(
        HttpResponse response, ResponseMediaType mediaType, HttpRequestError error, CancellationToken cancellationToken)
    {
        if (error.Allow is not null)
        {
            response.Headers.Allow = error.Allow;
        }

        var result = ExecutionResult.FromErrors([GraphQLError.WithCode(error.Message, ErrorCodes.BadRequest)]);
        return WriteAsync(response, mediaType, error.StatusCode, result, cancellationToken);
    }
}
