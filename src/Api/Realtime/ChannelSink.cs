using System.Threading.Channels;
using TaskForge.Realtime;
using TaskForge.Realtime.Fanout;

namespace TaskForge.Api.Realtime;

/// <summary>
/// A subscription's messages as an async stream, for the GraphQL <c>events</c> subscription. The channel holds a whole
/// replay (at most <c>Realtime:MaxReplayEvents</c> visible events, as the replay reads no more positions) plus a little;
/// once full, the send awaits, the subscription's own bounded buffer fills and it ends with resync-required, exactly as
/// on the hub. The end reason is kept aside, so that the terminal ENDED message is never lost to a full channel.
/// </summary>
internal sealed class ChannelSink(int capacity) : ISubscriptionSink
{
    private readonly Channel<IReadOnlyDictionary<string, object?>> _messages =
        Channel.CreateBounded<IReadOnlyDictionary<string, object?>>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });

    private string? _endReason;

    public ChannelReader<IReadOnlyDictionary<string, object?>> Reader => _messages.Reader;

    public string? EndReason => Volatile.Read(ref _endReason);

    public ValueTask EventAsync(string subscriptionId, RealtimeEvent e, CancellationToken cancellationToken) =>
        _messages.Writer.WriteAsync(Message("EVENT", e: e), cancellationToken);

    public ValueTask LiveAsync(string subscriptionId, long lastEventId, CancellationToken cancellationToken) =>
        _messages.Writer.WriteAsync(Message("LIVE", lastEventId: lastEventId), cancellationToken);

    public ValueTask EndedAsync(string subscriptionId, string reason, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _endReason, reason);
        _messages.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    public static IReadOnlyDictionary<string, object?> Message(string kind, RealtimeEvent? e = null, long? lastEventId = null, string? reason = null) =>
        new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["kind"] = kind,
            ["event"] = e is null ? null : Event(e),
            ["lastEventId"] = lastEventId,
            ["reason"] = reason,
        };

    private static Dictionary<string, object?> Event(RealtimeEvent e) => new(StringComparer.Ordinal)
    {
        ["id"] = e.Id,
        ["type"] = e.Type,
        ["streamId"] = e.StreamId,
        ["streamVersion"] = (int)e.StreamVersion,
        ["occurredAt"] = e.OccurredAt,
        ["actorId"] = e.ActorId?.ToString(),
        ["workspaceId"] = e.WorkspaceId?.ToString(),
        ["projectId"] = e.ProjectId?.ToString(),
        ["taskId"] = e.TaskId?.ToString(),
        ["data"] = e.Data,
    };
}
