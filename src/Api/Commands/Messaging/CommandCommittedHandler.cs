using TaskForge.Api.Commands.Telemetry;

namespace TaskForge.Api.Commands.Messaging;

/// <summary>Delivers a committed command to every <see cref="ICommitObserver"/> (Wolverine retries a failing one).</summary>
public static class CommandCommittedHandler
{
    public static async Task Handle(CommandCommitted message, IEnumerable<ICommitObserver> observers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(observers);
        foreach (var observer in observers)
            await observer.OnCommittedAsync(message, cancellationToken);
        CommandTelemetry.SideEffectsDelivered.Add(1);
    }
}
