using TaskForge.Integrity;

namespace TaskForge.Api.Audit;

/// <summary>
/// What an export ends with (ADR 0113): the range it covers, how many events it holds, and the head of the workspace's
/// hash chain at its last event, which a later integrity check or another export can be compared with.
/// </summary>
/// <param name="After">The event id the export resumed after (0 from the start).</param>
/// <param name="Through">The position it was bounded by (the high-water mark, and no further than the chain covers).</param>
/// <param name="ChainHead">The chain head at <paramref name="LastEventId"/> (at <paramref name="Through"/> when empty); null with the chain off.</param>
public sealed record ExportManifest(
    string WorkspaceId,
    string Format,
    long After,
    long Through,
    long? FirstEventId,
    long? LastEventId,
    long Count,
    ChainHead? ChainHead,
    DateTimeOffset ExportedAt);

/// <summary>Writes a manifest as JSON, event ids as strings of digits as everywhere in the API.</summary>
public static class ExportManifestJson
{
    public static void Write(System.Text.Json.Utf8JsonWriter writer, ExportManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(manifest);
        static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteStartObject();
        writer.WriteString("workspaceId", manifest.WorkspaceId);
        writer.WriteString("format", manifest.Format);
        writer.WriteString("after", Id(manifest.After));
        writer.WriteString("through", Id(manifest.Through));
        writer.WriteString("firstEventId", manifest.FirstEventId is { } first ? Id(first) : null);
        writer.WriteString("lastEventId", manifest.LastEventId is { } last ? Id(last) : null);
        writer.WriteNumber("count", manifest.Count);
        if (manifest.ChainHead is { } head)
        {
            writer.WriteStartObject("chainHead");
            writer.WriteString("chainKey", head.ChainKey);
            writer.WriteString("eventId", Id(head.Sequence));
            writer.WriteString("linkHash", head.LinkHash);
            writer.WriteString("chainedThrough", Id(head.ChainedThrough));
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("chainHead");
        }

        writer.WriteString("exportedAt", manifest.ExportedAt);
        writer.WriteEndObject();
    }

    public static string ToJson(ExportManifest manifest)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
            Write(writer, manifest);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
