using Microsoft.AspNetCore.Http;
using System.Text.Json;

namespace TaskForge.GraphQL.Http;

/// <summary>
/// Turns the request parameters (<c>query</c>, <c>operationName</c>, <c>variables</c>, <c>extensions</c>) into a
/// <see cref="GraphQLRequest"/>, with a 400 naming the parameter when one has the wrong JSON type.
/// </summary>
internal static class GraphQLRequestParameters
{
    public static RequestReadResult FromJsonBody(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return BadRequest($"The request body must be a JSON object, not {Describe(body.ValueKind)}.");
        }

        string? query = null;
        string? documentId = null;
        string? operationName = null;
        IReadOnlyDictionary<string, object?>? variables = null;
        IReadOnlyDictionary<string, object?>? extensions = null;
        foreach (var property in body.EnumerateObject())
        {
            switch (property.Name)
            {
                case "query":
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        return BadRequest($"The 'query' parameter must be a string, not {Describe(property.Value.ValueKind)}.");
                    }

                    query = property.Value.GetString();
                    break;
                case "documentId":
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        return BadRequest($"The 'documentId' parameter must be a string, not {Describe(property.Value.ValueKind)}.");
                    }

                    documentId = property.Value.GetString();
                    break;
                case "operationName":
                    if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    {
                        return BadRequest($"The 'operationName' parameter must be a string or null, not {Describe(property.Value.ValueKind)}.");
                    }

                    operationName = property.Value.GetString();
                    break;
                case "variables":
                    if (!TryReadMap(property.Value, out variables))
                    {
                        return BadRequest($"The 'variables' parameter must be an object or null, not {Describe(property.Value.ValueKind)}.");
                    }

                    break;
                case "extensions":
                    if (!TryReadMap(property.Value, out extensions))
                    {
                        return BadRequest($"The 'extensions' parameter must be an object or null, not {Describe(property.Value.ValueKind)}.");
                    }

                    break;
            }
        }

        return query is null && documentId is null && !IsPersisted(extensions)
            ? BadRequest("The request has no 'query' parameter: send the GraphQL document as a string in 'query'.")
            : new GraphQLRequest(query, operationName, variables, extensions) { DocumentId = documentId };
    }

    public static RequestReadResult FromQueryString(
        string? query, string? documentId, string? operationName, string? variablesJson, string? extensionsJson)
    {

        if (!TryParseMapParameter("variables", variablesJson, out var variables, out var variablesError))
        {
            return variablesError;
        }

        if (!TryParseMapParameter("extensions", extensionsJson, out var extensions, out var extensionsError))
        {
            return extensionsError;
        }

        if (query is null && string.IsNullOrEmpty(documentId) && !IsPersisted(extensions))
        {
            return BadRequest("The request has no 'query' parameter: send the GraphQL document in the 'query' URL parameter.");
        }

        return new GraphQLRequest(query, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions)
        {
            DocumentId = string.IsNullOrEmpty(documentId) ? null : documentId,
        };
    }

    /// <summary>Apollo's automatic persisted queries send only a hash in <c>extensions.persistedQuery</c>.</summary>
    private static bool IsPersisted(IReadOnlyDictionary<string, object?>? extensions) =>
        extensions is not null && extensions.TryGetValue("persistedQuery", out var persisted) && persisted is not null;

    private static bool TryParseMapParameter(
        string name, string? json, out IReadOnlyDictionary<string, object?>? map, out HttpRequestError error)
    {
        map = null;
        error = null!;
        if (string.IsNullOrEmpty(json))
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(json, JsonLimits.DocumentOptions);
            if (TryReadMap(document.RootElement, out map))
            {
                return true;
            }

            error = BadRequest($"The '{name}' URL parameter must be a JSON object, not {Describe(document.RootElement.ValueKind)}.");
        }
        catch (JsonException e)
        {
            error = BadRequest($"The '{name}' URL parameter is not valid JSON: {e.Message}");
        }

        return false;
    }

    private static bool TryReadMap(JsonElement value, out IReadOnlyDictionary<string, object?>? map)
    {
        map = null;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        map = (Dictionary<string, object?>)JsonValues.ToClr(value)!;
        return true;
    }

    private static HttpRequestError BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
