namespace TaskForge.Api.Schema;

/// <summary>Mutation payloads as field maps: the changed object under its field, eventId, version and errors.</summary>
public static class Payload
{
    /// <param name="changed">The changed object, or <see cref="PayloadFields"/> when the payload shows several.</param>
    public static IReadOnlyDictionary<string, object?> Succeeded(string objectField, object? changed, long? eventId, long? version)
    {
        var payload = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["eventId"] = eventId,
            ["version"] = version,
            ["errors"] = Array.Empty<MutationError>(),
        };
        if (changed is PayloadFields fields)
        {
            foreach (var (name, value) in fields)
            {
                payload[name] = value;
            }
        }
        else
        {
            payload[objectField] = changed;
        }

        return payload;
    }

    public static IReadOnlyDictionary<string, object?> Failed(string objectField, MutationError error) =>
        new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [objectField] = null,
            ["eventId"] = null,
            ["version"] = null,
            ["errors"] = new[] { error },
        };
}
