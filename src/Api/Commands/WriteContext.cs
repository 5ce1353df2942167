using System.Globalization;
using JasperFx.Events;
using TaskForge.Api.Commands.Idempotency;
using TaskForge.Api.Commands.Plans;
using TaskForge.Storage.Events;

namespace TaskForge.Api.Commands;

/// <summary>What one handled command writes on every event: ids, metadata and headers.</summary>
internal sealed record WriteContext(CommandPlan Plan, IdempotencyKey? Key, string? Fingerprint, string CorrelationId, Guid CommandId, RequestOrigin? Origin = null)
{
    /// <summary>The decided events as Marten events, with their ids (derived from the key, when there is one) and headers.</summary>
    public IReadOnlyList<IEvent> ToEvents(IReadOnlyList<object> events)
    {
        var wrapped = new IEvent[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var @event = EventEnvelope.Wrap(events[i], Key?.EventId(i) ?? Guid.CreateVersion7()).Stamp(Plan.ActorId, Plan.WorkspaceId, Plan.Now);
            @event.SetHeader(EventHeaders.CommandType, Plan.Command.GetType().Name);
            if (Origin?.ClientIp is { } ip)
                @event.SetHeader(EventHeaders.ClientIp, ip);
            if (Origin?.UserAgent is { } agent)
                @event.SetHeader(EventHeaders.UserAgent, agent);
            if (Key is not null && Fingerprint is not null)
            {
                @event.SetHeader(EventHeaders.Fingerprint, Fingerprint);
                @event.SetHeader(EventHeaders.EventCount, events.Count.ToString(CultureInfo.InvariantCulture));
            }

            wrapped[i] = @event;
        }

        return wrapped;
    }
}
