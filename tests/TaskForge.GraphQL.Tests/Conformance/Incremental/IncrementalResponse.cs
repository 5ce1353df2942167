using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaskForge.GraphQL.Tests.Conformance.Incremental;

/// <summary>
/// The parts of an incrementally delivered response (graphql-js 17 format) folded into what a client ends up
/// with: the merged data, every pending record (path and label), and every error (message and path).
/// </summary>
internal sealed class IncrementalResponse
{
    public IncrementalResponse(IReadOnlyList<JsonElement> parts)
    {
        Parts = parts;
        var first = parts[0];
        Data = first.TryGetProperty("data", out var data) ? JsonNode.Parse(data.GetRawText()) : null;
        var paths = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            Collect(part, "errors");
            if (part.TryGetProperty("pending", out var pending))
            {
                foreach (var p in pending.EnumerateArray())
                {
                    var path = (JsonArray)JsonNode.Parse(p.GetProperty("path").GetRawText())!;
                    paths[p.GetProperty("id").GetString()!] = path;
                    Pending.Add($"{path.ToJsonString()} {(p.TryGetProperty("label", out var label) ? label.GetString() : "-")}");
                }
            }

            if (part.TryGetProperty("incremental", out var incremental))
            {
                foreach (var entry in incremental.EnumerateArray())
                {
                    Collect(entry, "errors");
                    Apply(paths[entry.GetProperty("id").GetString()!], entry);
                }
            }

            if (part.TryGetProperty("completed", out var completed))
            {
                foreach (var entry in completed.EnumerateArray())
                {
                    Collect(entry, "errors");
                }
            }
        }
    }

    public IReadOnlyList<JsonElement> Parts { get; }

    public JsonNode? Data { get; }

    public List<string> Pending { get; } = [];

    public List<string> Errors { get; } = [];

    public bool EndsWithoutNext =>
        Parts.Count == 1 ? !Parts[0].TryGetProperty("hasNext", out _) : !Parts[^1].GetProperty("hasNext").GetBoolean();

    private void Collect(JsonElement element, string property)
    {
        if (element.TryGetProperty(property, out var errors))
        {
            Errors.AddRange(errors.EnumerateArray().Select(e =>
                $"{e.GetProperty("message").GetString()} at {(e.TryGetProperty("path", out var path) ? path.GetRawText() : "-")}"));
        }
    }

    private void Apply(JsonArray path, JsonElement entry)
    {
        var target = Data;
        var segments = path.Select(s => s!).ToList();
        if (entry.TryGetProperty("subPath", out var subPath))
        {
            segments.AddRange(JsonNode.Parse(subPath.GetRawText())!.AsArray().Select(s => s!));
        }

        foreach (var segment in segments)
        {
            target = segment.GetValueKind() == JsonValueKind.Number ? target![segment.GetValue<int>()] : target![segment.GetValue<string>()];
        }

        if (entry.TryGetProperty("items", out var items))
        {
            foreach (var item in items.EnumerateArray())
            {
                target!.AsArray().Add(JsonNode.Parse(item.GetRawText()));
            }

            return;
        }

        foreach (var property in entry.GetProperty("data").EnumerateObject())
        {
            Merge(target!.AsObject(), property.Name, JsonNode.Parse(property.Value.GetRawText()));
        }
    }

    private static void Merge(JsonObject target, string key, JsonNode? value)
    {
        if (target[key] is JsonObject existing && value is JsonObject incoming)
        {
            foreach (var (name, node) in incoming.ToList())
            {
                incoming.Remove(name);
                Merge(existing, name, node);
            }

            return;
        }

        target[key] = value;
    }
}
