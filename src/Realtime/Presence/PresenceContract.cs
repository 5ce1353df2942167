using System.Text.Json.Serialization;
using TaskForge.Realtime.Hub;

namespace TaskForge.Realtime.Presence;

/// <summary>
/// <c>JoinPresence</c> / <c>LeavePresence</c>'s argument: <c>project:&lt;id&gt;</c> (a board) or <c>task:&lt;id&gt;</c>;
/// <see cref="Error"/> says what was wrong with it as sent.
/// </summary>
[JsonConverter(typeof(PresenceRequestConverter))]
public sealed record PresenceRequest(string? Scope) : IHubArgument
{
    public string? Error { get; init; }
}

/// <summary>
/// <c>Typing</c>'s argument: the task whose comment box the user types in, and whether they are typing;
/// <see cref="Error"/> says what was wrong with it as sent.
/// </summary>
[JsonConverter(typeof(TypingRequestConverter))]
public sealed record TypingRequest(string? TaskId, bool Typing) : IHubArgument
{
    public string? Error { get; init; }
}

/// <summary>One person present in a scope (once, however many connections they have there; since their first).</summary>
public sealed record PresenceMember(Guid UserId, string DisplayName, DateTimeOffset Since);

/// <summary>
/// Server to client <c>PresenceChanged</c> (and <c>JoinPresence</c>'s result): everyone present in the scope now. The
/// scope is the canonical <c>project:&lt;guid&gt;</c> / <c>task:&lt;guid&gt;</c>, whatever id form was joined with.
/// </summary>
public sealed record PresenceChangedMessage(string Scope, IReadOnlyList<PresenceMember> Members);

/// <summary>Server to client <c>TypingChanged</c>, sent to the others viewing the task.</summary>
public sealed record TypingChangedMessage(Guid TaskId, Guid UserId, string DisplayName, bool Typing);

/// <summary>One connection present in one scope, as a store keeps it.</summary>
public sealed record PresenceEntry(string ConnectionId, Guid UserId, string DisplayName, DateTimeOffset Since);

/// <summary>Where presence is kept: in this process (one node), or in Redis (every node sees every node's).</summary>
public interface IPresenceStore
{
    Task AddAsync(string scope, PresenceEntry entry, CancellationToken cancellationToken);

    Task RemoveAsync(string scope, string connectionId, CancellationToken cancellationToken);

    /// <summary>Everyone present in the scope, one entry per connection (expired ones left out).</summary>
    Task<IReadOnlyList<PresenceEntry>> EntriesAsync(string scope, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps this node's entries alive and drops expired ones (a crashed node's) from the scopes this node has members in;
    /// returns the scopes that lost someone. Nothing to do in process.
    /// </summary>
    Task<IReadOnlyList<string>> HeartbeatAsync(CancellationToken cancellationToken);
}
