using TaskForge.Api.Commands.Messaging;
using TaskForge.Api.Commands.Plans;
using TaskForge.Domain.Comments;
using TaskForge.Domain.Inboxes;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;
using Wolverine;
using Wolverine.Runtime;

namespace TaskForge.Api.Commands;

/// <summary>
/// What the API calls to run a domain command: it travels through Wolverine (<see cref="IMessageBus.InvokeAsync{T}"/>)
/// to <see cref="ExecuteCommandHandler"/>, and its typed <see cref="CommandResult"/> comes back.
/// </summary>
public sealed class CommandHandler(IWolverineRuntime runtime)
{
    public Task<CommandResult> HandleAsync(WorkspaceCommand command, CommandOptions? options = null, CancellationToken cancellationToken = default) =>
        InvokeAsync(new WorkspaceCommandPlan(command ?? throw new ArgumentNullException(nameof(command))), options, cancellationToken);

    public Task<CommandResult> HandleAsync(ProjectCommand command, CommandOptions? options = null, CancellationToken cancellationToken = default) =>
        InvokeAsync(new ProjectCommandPlan(command ?? throw new ArgumentNullException(nameof(command))), options, cancellationToken);

    public Task<CommandResult> HandleAsync(TaskCommand command, CommandOptions? options = null, CancellationToken cancellationToken = default) =>
        InvokeAsync(new TaskCommandPlan(command ?? throw new ArgumentNullException(nameof(command))), options, cancellationToken);

    public Task<CommandResult> HandleAsync(CommentCommand command, CommandOptions? options = null, CancellationToken cancellationToken = default) =>
        InvokeAsync(new CommentCommandPlan(command ?? throw new ArgumentNullException(nameof(command))), options, cancellationToken);

    public Task<CommandResult> HandleAsync(InboxCommand command, CommandOptions? options = null, CancellationToken cancellationToken = default) =>
        InvokeAsync(new InboxCommandPlan(command ?? throw new ArgumentNullException(nameof(command))), options, cancellationToken);

    private Task<CommandResult> InvokeAsync(CommandPlan plan, CommandOptions? options, CancellationToken cancellationToken) =>
        new MessageContext(runtime).InvokeAsync<CommandResult>(new ExecuteCommand(plan, options ?? CommandOptions.None), cancellationToken);
}
