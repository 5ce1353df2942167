using System.Text.Json.Nodes;
using Npgsql;
using TaskForge.Integrity;
using TaskForge.Storage.Events;

namespace TaskForge.Api.Audit;

/// <summary>
/// Replaces a forgotten user's email inside the events of the log by their tombstone: wherever a JSON string of an
/// event's data holds it (case-insensitively: a whole <c>email</c> field, or an @mention inside a comment's body), through the Integrity library's <see cref="EventRedactor"/>,
/// so each change is a signed redaction and the chain stays intact (ADR 0095). With the chain turned off the data is
/// rewritten in place. Projections rebuilt later read the tombstone.
/// </summary>
public sealed class PersonalDataRedactor(NpgsqlDataSource dataSource, AuditOptions options, TimeProvider clock, EventRedactor? redactor = null)
{
    /// <summary>The events redacted (sequence, stream, workspace header), oldest first.</summary>
    public async Task<IReadOnlyList<(long Sequence, string StreamId, Guid? WorkspaceId)>> RedactAsync(string email, string tombstone, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var candidates = new List<(long Sequence, string StreamId, string Data, Guid? WorkspaceId)>();
        await using (var command = dataSource.CreateCommand(
            $"SELECT seq_id, stream_id, data::text, headers ->> '{EventHeaders.WorkspaceId}' FROM {options.Schema}.mt_events WHERE data::text ILIKE $1 ESCAPE '\\' ORDER BY seq_id"))
        {
            command.Parameters.AddWithValue("%" + LikeEscaped(email) + "%");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                candidates.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Guid.TryParse(reader.IsDBNull(3) ? null : reader.GetString(3), out var ws) ? ws : null));
        }

        var redacted = new List<(long, string, Guid?)>();
        foreach (var (sequence, streamId, data, workspaceId) in candidates)
        {
            var node = JsonNode.Parse(data);
            if (node is null || !Replace(node, email, tombstone))
                continue;
            await WriteAsync(sequence, node.ToJsonString(), reason, cancellationToken);
            redacted.Add((sequence, streamId, workspaceId));
        }

        return redacted;
    }

    private async Task WriteAsync(long sequence, string json, string reason, CancellationToken cancellationToken)
    {
        if (redactor is not null)
        {
            await redactor.RedactAsync(sequence, json, reason, clock.GetUtcNow(), cancellationToken);
            return;
        }

        await using var update = dataSource.CreateCommand($"UPDATE {options.Schema}.mt_events SET data = $2::jsonb WHERE seq_id = $1");
        update.Parameters.AddWithValue(sequence);
        update.Parameters.AddWithValue(json);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Replaces, at any depth, <paramref name="email"/> inside string values; true when one held it.</summary>
    internal static bool Replace(JsonNode node, string email, string tombstone)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (Without(child, email, tombstone) is { } replaced)
                    {
                        obj[name] = replaced;
                        changed = true;
                    }
                    else if (child is not null)
                    {
                        changed |= Replace(child, email, tombstone);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Without(array[i], email, tombstone) is { } replaced)
                    {
                        array[i] = replaced;
                        changed = true;
                    }
                    else if (array[i] is { } child)
                    {
                        changed |= Replace(child, email, tombstone);
                    }
                }

                break;
        }

        return changed;
    }

    /// <summary>The string with the email replaced, or null when the node is not a string holding it.</summary>
    private static string? Without(JsonNode? node, string email, string tombstone) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Contains(email, StringComparison.OrdinalIgnoreCase)
            ? text.Replace(email, tombstone, StringComparison.OrdinalIgnoreCase)
            : null;

    internal static string LikeEscaped(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
