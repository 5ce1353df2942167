using System.Text.Json;
using System.Text.Json.Nodes;
using TaskForge.Storage.Events;

namespace TaskForge.Api.Audit;

/// <summary>
/// A decider's state as one flat JSON object for auditors: its fields (a state that wraps its details, such as an active
/// task, shows the details' fields) and under <c>state</c> which case it is in (NotCreated, Active, Deleted, ...).
/// </summary>
public static class StateShape
{
    public const string StateField = "state";

    public static JsonObject Of(object state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var node = JsonSerializer.SerializeToNode(state, state.GetType(), EventJson.Options) as JsonObject ?? [];
        if (node.Count == 1 && node["details"] is JsonObject details)
            node = (JsonObject)details.DeepClone();
        node[StateField] = state.GetType().Name;
        return node;
    }

    /// <summary>The fields whose values differ between two shapes, in a stable order, with both values (null when absent).</summary>
    public static IReadOnlyList<FieldChange> Diff(JsonObject before, JsonObject after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<FieldChange>();
        foreach (var field in before.Select(p => p.Key).Union(after.Select(p => p.Key)).Order(StringComparer.Ordinal))
        {
            var old = before[field];
            var now = after[field];
            if (!JsonNode.DeepEquals(old, now))
                changes.Add(new FieldChange(field, Element(old), Element(now)));
        }

        return changes;
    }

    private static JsonElement? Element(JsonNode? node) => node is null ? null : JsonSerializer.SerializeToElement(node);
}

/// <summary>A field an event changed: its value before and after (JSON; null when the field did not exist).</summary>
public sealed record FieldChange(string Field, JsonElement? Before, JsonElement? After);
