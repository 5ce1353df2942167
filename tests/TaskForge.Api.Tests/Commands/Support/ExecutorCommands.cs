using TaskForge.Api.Commands;
using TaskForge.Api.Commands.Plans;
using TaskForge.Domain.Comments;
using TaskForge.Domain.Tasks;

namespace TaskForge.Api.Tests.Commands.Support;

/// <summary>Runs commands on an executor directly (one whose appender a test wrapped), with the handler's overloads.</summary>
internal sealed class ExecutorCommands(CommandExecutor executor)
{
    public Task<CommandResult> HandleAsync(TaskCommand command, CommandOptions? options = null) =>
        executor.ExecuteAsync(new TaskCommandPlan(command), options, CancellationToken.None);

    public Task<CommandResult> HandleAsync(Domain.Inboxes.InboxCommand command, CommandOptions? options = null) =>
        executor.ExecuteAsync(new InboxCommandPlan(command), options, CancellationToken.None);

    public Task<CommandResult> HandleAsync(CommentCommand command, CommandOptions? options = null) =>
        executor.ExecuteAsync(new CommentCommandPlan(command), options, CancellationToken.None);
}
