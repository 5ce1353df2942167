using System.Text.Json;
using JasperFx.Events;
using TaskForge.Domain;
using TaskForge.Domain.Comments;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Storage.Events;

namespace TaskForge.Realtime.Fanout;

/// <summary>
/// One event of the log as subscribers get it: built once by the tailer (or a replay) and shared by every subscription.
/// <see cref="Data"/> is the event's JSON in the stored shape; <see cref="Payload"/> the domain event itself.
/// </summary>
public sealed record RealtimeEvent(
    long Id,
    string Type,
    string StreamId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    Guid? ActorId,
    Guid? WorkspaceId,
    Guid? ProjectId,
    Guid? TaskId,
    JsonElement Data,
    object Payload)
{
    /// <summary>When the tailer read it (Stopwatch ticks), for the commit-to-send latency; 0 for replayed events.</summary>
    public long ReadAt { get; init; }

    /// <summary>The hub's JSON of the event, shared by every subscriber's send (see <c>Hub.EventFrame</c>); set on first send.</summary>
    internal byte[]? SharedJson { get; set; }

    /// <summary>When the event was appended (Marten's timestamp, the database clock at commit time).</summary>
    public DateTimeOffset CommittedAt { get; init; }

    public static RealtimeEvent From(IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var (projectId, taskId) = e.Data switch
        {
            TaskEvent t => (t.ProjectId, t.TaskId),
            CommentEvent c => (c.ProjectId, c.TaskId),
            ProjectEvent p => (p.ProjectId, (Guid?)null),
            _ => ((Guid?)null, (Guid?)null),
        };
        return new RealtimeEvent(
            e.Sequence,
            e.EventTypeName,
            e.StreamKey ?? e.StreamId.ToString(),
            e.Version,
            e.OccurredAt(),
            e.ActorId(),
            (e.Data as IWorkspaceScoped)?.WorkspaceId ?? e.WorkspaceId(),
            projectId,
            taskId,
            JsonSerializer.SerializeToElement(e.Data, e.Data.GetType(), EventJson.Options),
            e.Data)
        {
            CommittedAt = e.Timestamp,
        };
    }
}
