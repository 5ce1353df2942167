using TaskForge.Api.Commands.Conflicts;
using TaskForge.Domain;

namespace TaskForge.Api.Tests.Commands;

public sealed class ConflictPolicyTests
{
    private static readonly string[] Retried =
    [
        "AcceptInvitation", "AddComment", "AddTaskLabel", "AssignTask", "DeclineInvitation", "DeleteComment", "InviteMember", "LeaveWorkspace",
        "MarkAllNotificationsRead", "MarkNotificationRead", "RemoveMember", "RemoveTaskLabel", "RevokeInvitation",
        "UnassignTask", "UnwatchTask", "WatchTask",
    ];

    private static readonly string[] Rejected =
    [
        "AddColumn", "ArchiveProject", "ChangeMemberRole", "ClearTaskDueDate", "CompleteTask", "CreateProject", "CreateTask",
        "CreateWorkspace", "DeleteTask", "DescribeProject", "EditComment", "EditTaskDescription", "MoveTask", "RemoveColumn",
        "RenameColumn", "RenameProject", "RenameTask", "RenameWorkspace", "ReopenTask", "ReorderColumns", "RestoreProject",
        "RestoreTask", "SetTaskDueDate", "SetTaskPriority",
    ];

    [Fact]
    public void Exactly_the_commands_that_cannot_lose_an_edit_retry_and_every_field_edit_is_rejected()
    {
        var commands = typeof(DomainError).Assembly.GetTypes().Where(IsConcreteCommand).ToList();

        var retried = commands.Where(t => ConflictPolicy.For(t) == OnConflict.Retry).Select(t => t.Name).Order(StringComparer.Ordinal);
        var rejected = commands.Where(t => ConflictPolicy.For(t) == OnConflict.Reject).Select(t => t.Name).Order(StringComparer.Ordinal);

        Assert.Equal(Retried, retried);
        Assert.Equal(Rejected, rejected);
    }

    [Fact]
    public void A_type_that_is_not_marked_retryable_is_rejected_on_conflict() =>
        Assert.Equal(OnConflict.Reject, ConflictPolicy.For(typeof(string)));

    private static bool IsConcreteCommand(Type type) =>
        type is { IsAbstract: false, IsClass: true }
        && type.BaseType is { IsAbstract: true } baseType
        && baseType.Name.EndsWith("Command", StringComparison.Ordinal)
        && baseType.Namespace?.StartsWith("TaskForge.Domain", StringComparison.Ordinal) == true;
}
