using TaskForge.Api.Commands.Conflicts;
using TaskForge.Realtime.Fanout;

namespace TaskForge.Api.Realtime;

/// <summary>The position this node's realtime fan-out has published up to: what its clients can have seen (ADR 0125).</summary>
internal sealed class PublishedPosition(EventFanout fanout) : ISeenPosition
{
    public long Position => fanout.Position;
}
