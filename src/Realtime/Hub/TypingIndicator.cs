using TaskForge.Realtime.Fanout;

namespace TaskForge.Realtime.Hub;

/// <summary>One task a connection's user is typing a comment in, and the timer that ends it unless it is said again.</summary>
internal sealed class TypingIndicator(Scope task, ITimer expiry) : IDisposable
{
    public Scope Task { get; } = task;

    public void Dispose() => expiry.Dispose();
}
