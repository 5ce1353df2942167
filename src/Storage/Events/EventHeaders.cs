namespace TaskForge.Storage.Events;

/// <summary>
/// The headers TaskForge writes on every event beside Marten's own metadata columns (correlation id, causation id):
/// who acted, in which workspace, and when the command happened (the decider's clock, not the commit time).
/// </summary>
public static class EventHeaders
{
    public const string ActorId = "actor-id";
    public const string WorkspaceId = "workspace-id";
    public const string OccurredAt = "occurred-at";
    public const string CommandType = "command-type";

    /// <summary>The IP address of the client whose request caused the command (the proxy's client when proxies are trusted).</summary>
    public const string ClientIp = "client-ip";

    /// <summary>The User-Agent of that request (at most <see cref="MaxUserAgentLength"/> characters).</summary>
    public const string UserAgent = "user-agent";

    public const int MaxUserAgentLength = 512;

    /// <summary>The fingerprint of a keyed command, on each of its events (a key reused for another command is refused).</summary>
    public const string Fingerprint = "command-fingerprint";

    /// <summary>How many events a keyed command appended, so a replay finds them all.</summary>
    public const string EventCount = "command-event-count";
}
