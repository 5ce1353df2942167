using System.Globalization;
using System.Text.Json;
using JasperFx.Events;

namespace TaskForge.Storage.Events;

/// <summary>
/// Reads TaskForge's headers from a Marten event. Headers come back from JSON as strings, JSON elements, or values
/// Marten's serializer inferred (a date-shaped string becomes a <see cref="DateTime"/>): those are written back in the
/// round-trip format, as an invariant-culture string would drop the fraction of a second.
/// </summary>
public static class EventMetadata
{
    public static string? Header(this IEvent @event, string name)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (@event.Headers is null || !@event.Headers.TryGetValue(name, out var value))
            return null;
        return value switch
        {
            null => null,
            string text => text,
            JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
            JsonElement element => element.GetRawText(),
            DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
            DateTime at => at.ToString("O", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The user who caused the event, or null for system events.</summary>
    public static Guid? ActorId(this IEvent @event) =>
        Guid.TryParse(@event.Header(EventHeaders.ActorId), CultureInfo.InvariantCulture, out var actor) ? actor : null;

    public static Guid? WorkspaceId(this IEvent @event) =>
        Guid.TryParse(@event.Header(EventHeaders.WorkspaceId), CultureInfo.InvariantCulture, out var workspace) ? workspace : null;

    /// <summary>When the command happened (its own clock reading); the commit timestamp for events written without one.</summary>
    public static DateTimeOffset OccurredAt(this IEvent @event) =>
        DateTimeOffset.TryParse(@event.Header(EventHeaders.OccurredAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : @event.Timestamp;
}
