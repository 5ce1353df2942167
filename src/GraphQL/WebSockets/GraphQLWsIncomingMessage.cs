using System.Text.Json;
using TaskForge.GraphQL.Http;

namespace TaskForge.GraphQL.WebSockets;

/// <summary>A message from the client: its type, id and payload (a JSON object, or null).</summary>
internal sealed record GraphQLWsIncomingMessage(string Type, string? Id, Dictionary<string, object?>? Payload)
{
    /// <summary>The message, or null with the reason when the frame is not a valid protocol message.</summary>
    public static GraphQLWsIncomingMessage? TryParse(ReadOnlyMemory<byte> frame, out string error)
    {
        error = string.Empty;
        try
        {
            using var document = JsonDocument.Parse(frame, JsonLimits.DocumentOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "Invalid message received: a message is a JSON object.";
                return null;
            }

            if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                error = "Invalid message received: the 'type' property is missing or not a string.";
                return null;
            }

            string? id = null;
            if (root.TryGetProperty("id", out var idElement))
            {
                if (idElement.ValueKind != JsonValueKind.String || idElement.GetString() is not { Length: > 0 } value)
                {
                    error = "Invalid message received: the 'id' property must be a non-empty string.";
                    return null;
                }

                id = value;
            }

            Dictionary<string, object?>? payload = null;
            if (root.TryGetProperty("payload", out var payloadElement) && payloadElement.ValueKind != JsonValueKind.Null)
            {
                if (payloadElement.ValueKind != JsonValueKind.Object)
                {
                    error = "Invalid message received: the 'payload' property must be an object.";
                    return null;
                }

                payload = (Dictionary<string, object?>)JsonValues.ToClr(payloadElement)!;
            }

            return new GraphQLWsIncomingMessage(type.GetString()!, id, payload);
        }
        catch (JsonException)
        {
            error = "Invalid message received: not JSON.";
            return null;
        }
    }
}
