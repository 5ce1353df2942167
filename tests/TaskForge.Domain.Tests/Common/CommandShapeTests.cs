using TaskForge.Domain.Comments;
using TaskForge.Domain.Inboxes;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;

namespace TaskForge.Domain.Tests.Common;

public sealed class CommandShapeTests
{
    private static readonly Type[] CommandBases =
        [typeof(WorkspaceCommand), typeof(ProjectCommand), typeof(TaskCommand), typeof(CommentCommand), typeof(InboxCommand)];

    private static IEnumerable<Type> ConcreteCommands() =>
        typeof(DomainEventTypes).Assembly.GetTypes().Where(t => !t.IsAbstract && CommandBases.Any(b => b.IsAssignableFrom(t)));

    [Fact]
    public void Given_every_command_When_its_name_is_read_Then_it_is_an_imperative_nested_record_with_actor_and_time()
    {
        var commands = ConcreteCommands().ToList();
        Assert.Equal(40, commands.Count);
        Assert.All(commands, t =>
        {
            Assert.True(t.IsNested && t.IsSealed, t.Name);
            Assert.NotNull(t.GetProperty("ActorId"));
            Assert.Equal(typeof(DateTimeOffset), t.GetProperty("Now")?.PropertyType);
            Assert.Equal(typeof(string), t.GetProperty("StreamId")?.PropertyType);
        });
    }

    [Fact]
    public void Given_every_command_When_classified_Then_only_set_like_changes_and_new_entities_retry_on_conflict()
    {
        var retryable = ConcreteCommands().Where(t => typeof(IRetryableCommand).IsAssignableFrom(t)).Select(t => t.Name).Order();
        Assert.Equal(
            [
                "AcceptInvitation", "AddComment", "AddTaskLabel", "AssignTask", "DeclineInvitation", "DeleteComment", "InviteMember", "LeaveWorkspace",
                "MarkAllNotificationsRead", "MarkNotificationRead", "RemoveMember", "RemoveTaskLabel", "RevokeInvitation",
                "UnassignTask", "UnwatchTask", "WatchTask",
            ],
            retryable);
    }

    [Fact]
    public void Given_every_workspace_bound_command_and_event_When_checked_Then_it_exposes_its_workspace()
    {
        Type[] scopedBases = [typeof(WorkspaceCommand), typeof(ProjectCommand), typeof(TaskCommand), typeof(CommentCommand),
            typeof(WorkspaceEvent), typeof(ProjectEvent), typeof(TaskEvent), typeof(CommentEvent)];
        Assert.All(scopedBases, t => Assert.True(typeof(IWorkspaceScoped).IsAssignableFrom(t), t.Name));
    }
}
