using TaskForge.Api.Commands.Idempotency;
using TaskForge.Api.Commands.Plans;
using TaskForge.EventStore.Appending;
using TaskForge.EventStore.Serialization;

namespace TaskForge.Api.Commands;

/// <summary>What one handled command writes on every event: ids, metadata and headers.</summary>
internal sealed record WriteContext(CommandPlan Plan, IdempotencyKey? Key, string? Fingerprint, string CorrelationId, Guid CommandId)
{
    public IReadOnlyList<EventData> ToEventData(IReadOnlyList<object> events, JsonEventSerializer serializer)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CommandHeaders.CommandType] = Plan.Command.GetType().Name,
        };
        if (Key is not null && Fingerprint is not null)
        {
            headers[CommandHeaders.Fingerprint] = Fingerprint;
            headers[CommandHeaders.EventCount] = events.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var metadata = new EventMetadata(Plan.ActorId.ToString(), Plan.WorkspaceId, CorrelationId, CommandId.ToString(), Plan.Now, headers);
        var data = new EventData[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var @event = events[i];
            data[i] = new EventData(Key?.EventId(i) ?? Guid.CreateVersion7(), serializer.TypeName(@event), serializer.Serialize(@event), metadata);
        }

        return data;
    }
}
