using TaskForge.Realtime.Fanout;

namespace TaskForge.Realtime.Hub;

/// <summary>
/// One task a connection's user is typing a comment in, and the timer that ends it unless it is said again: after
/// <paramref name="timeout"/> the indicator hands itself to <paramref name="expired"/>.
/// </summary>
internal sealed class TypingIndicator : IDisposable
{
    private readonly ITimer _expiry;

    public TypingIndicator(Scope task, TimeProvider clock, TimeSpan timeout, Action<TypingIndicator> expired)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(expired);
        Task = task;
        _expiry = clock.CreateTimer(_ => expired(this), null, timeout, Timeout.InfiniteTimeSpan);
    }

    public Scope Task { get; }

    public void Dispose() => _expiry.Dispose();
}
