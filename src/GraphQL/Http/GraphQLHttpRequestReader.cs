using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace TaskForge.GraphQL.Http;

/// <summary>
/// Reads a GraphQL request from an HTTP request: GET with URL parameters, or POST with an
/// <c>application/json</c> body in UTF-8 no larger than the configured limit.
/// </summary>
internal static class GraphQLHttpRequestReader
{
    public static async ValueTask<RequestReadResult> ReadAsync(
        HttpRequest request, GraphQLHttpOptions options, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsGet(request.Method) && options.AllowGet)
        {
            var query = request.Query;
            return GraphQLRequestParameters.FromQueryString(
                query["query"], query["documentId"], query["operationName"], query["variables"], query["extensions"]);
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            var allow = options.AllowGet ? "GET, POST" : "POST";
            return new HttpRequestError(StatusCodes.Status405MethodNotAllowed, $"GraphQL requests use {allow.Replace(", ", " or ", StringComparison.Ordinal)}.", allow);
        }

        var contentTypeError = CheckContentType(request.ContentType);
        if (contentTypeError is not null)
        {
            return contentTypeError;
        }

        if (request.ContentLength > options.MaxRequestBodyBytes)
        {
            return TooLarge(options);
        }

        if (await ReadBodyAsync(request.Body, options.MaxRequestBodyBytes, cancellationToken) is not { } body)
        {
            return TooLarge(options);
        }

        if (body.Length == 0)
        {
            return new HttpRequestError(StatusCodes.Status400BadRequest, "The request body is empty: send a JSON object with a 'query' string.");
        }

        try
        {
            using var document = JsonDocument.Parse(body, JsonLimits.DocumentOptions);
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? ReadBatch(document.RootElement, options)
                : GraphQLRequestParameters.FromJsonBody(document.RootElement);
        }
        catch (JsonException e)
        {
            return new HttpRequestError(StatusCodes.Status400BadRequest, $"The request body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>A JSON array of requests (batching, off unless <see cref="GraphQLHttpOptions.MaxBatchSize"/> is set); each entry is read on its own.</summary>
    private static RequestReadResult ReadBatch(JsonElement array, GraphQLHttpOptions options)
    {
        var count = array.GetArrayLength();
        if (options.MaxBatchSize <= 0)
        {
            return new HttpRequestError(StatusCodes.Status400BadRequest, "Batched requests are not enabled on this server: send one JSON object.");
        }

        if (count == 0 || count > options.MaxBatchSize)
        {
            return new HttpRequestError(
                StatusCodes.Status400BadRequest, $"A batch must hold between 1 and {options.MaxBatchSize} operations; this one holds {count}.");
        }

        return RequestReadResult.FromBatch(array.EnumerateArray().Select(GraphQLRequestParameters.FromJsonBody).ToList());
    }

    private static HttpRequestError? CheckContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return new HttpRequestError(StatusCodes.Status415UnsupportedMediaType, "POST requests need the Content-Type application/json.");
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) ||
            !mediaType.MediaType.Equals(GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase))
        {
            return new HttpRequestError(StatusCodes.Status415UnsupportedMediaType, $"Unsupported Content-Type '{contentType}': POST requests need application/json.");
        }

        var charset = mediaType.Charset;
        if (charset.HasValue && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return new HttpRequestError(StatusCodes.Status415UnsupportedMediaType, $"Unsupported charset '{charset}': the request body must be UTF-8.");
        }

        return null;
    }

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    private static async ValueTask<ReadOnlyMemory<byte>?> ReadBodyAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return null;
            }
        }
    }

    private static HttpRequestError TooLarge(GraphQLHttpOptions options) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than the limit of {options.MaxRequestBodyBytes} bytes.");
}
