namespace TaskForge.Api.Commands.Messaging;

/// <summary>The Wolverine handler of every domain command: the executor loads, decides (pure) and appends.</summary>
public static class ExecuteCommandHandler
{
    public static Task<CommandResult> Handle(ExecuteCommand message, CommandExecutor executor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(executor);
        return executor.ExecuteAsync(message.Plan, message.Options, cancellationToken);
    }
}
