using System.Text.Json;
using TaskForge.Domain.Comments;
using TaskForge.Domain.Inboxes;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Tests.Support;
using TaskForge.Domain.Workspaces;

namespace TaskForge.Domain.Tests.Common;

public sealed class DomainEventTypesTests
{
    private static readonly Type[] EventBases = [typeof(WorkspaceEvent), typeof(ProjectEvent), typeof(TaskEvent), typeof(CommentEvent), typeof(InboxEvent)];

    private static readonly Guid W = Ids.Workspace, P = ProjectFixture.Project, T = TaskFixture.TaskId, C = CommentFixture.Comment;

    public static IEnumerable<object> Samples() =>
    [
        .. WorkspaceFixture.WithAllRoles().Take(3),
        new WorkspaceEvent.WorkspaceRenamed(W, "New"),
        new WorkspaceEvent.InvitationRevoked(W, Guid.NewGuid(), "a@example.com"),
        new WorkspaceEvent.InvitationDeclined(W, Guid.NewGuid(), "a@example.com"),
        new WorkspaceEvent.MemberRoleChanged(W, Ids.Member, WorkspaceRole.Member, WorkspaceRole.Admin),
        new WorkspaceEvent.MemberRemoved(W, Ids.Member),
        new WorkspaceEvent.MemberLeft(W, Ids.Member),
        ProjectFixture.Created,
        new ProjectEvent.ProjectRenamed(P, W, "n"),
        new ProjectEvent.ProjectDescriptionChanged(P, W, "d"),
        new ProjectEvent.ProjectArchived(P, W),
        new ProjectEvent.ProjectRestored(P, W),
        new ProjectEvent.ColumnAdded(P, W, Guid.NewGuid(), "c", 2),
        new ProjectEvent.ColumnRenamed(P, W, ProjectFixture.Todo, "c"),
        new ProjectEvent.ColumnsReordered(P, W, [ProjectFixture.Done, ProjectFixture.Todo]),
        new ProjectEvent.ColumnRemoved(P, W, ProjectFixture.Todo, ProjectFixture.Done),
        TaskFixture.Created with { DueDate = Ids.Now, Labels = ["x"], Assignees = [Ids.Member], Priority = TaskPriority.Urgent },
        new TaskEvent.TaskRenamed(T, P, W, "t"),
        new TaskEvent.TaskDescriptionEdited(T, P, W, "d\nline"),
        new TaskEvent.TaskAssigned(T, P, W, Ids.Member),
        new TaskEvent.TaskUnassigned(T, P, W, Ids.Member),
        new TaskEvent.TaskMoved(T, P, W, ProjectFixture.Todo, ProjectFixture.Done, "q"),
        new TaskEvent.TaskPriorityChanged(T, P, W, TaskPriority.Low),
        new TaskEvent.TaskDueDateSet(T, P, W, Ids.Now.AddDays(3)),
        new TaskEvent.TaskDueDateCleared(T, P, W),
        new TaskEvent.TaskLabelAdded(T, P, W, "l"),
        new TaskEvent.TaskLabelRemoved(T, P, W, "l"),
        new TaskEvent.TaskWatched(T, P, W, Ids.Member),
        new TaskEvent.TaskUnwatched(T, P, W, Ids.Member),
        new TaskEvent.TaskCompleted(T, P, W),
        new TaskEvent.TaskReopened(T, P, W),
        new TaskEvent.TaskDeleted(T, P, W),
        new TaskEvent.TaskRestored(T, P, W, ProjectFixture.Done, "q"),
        CommentFixture.Added with { MentionedUserIds = [Ids.Owner] },
        new CommentEvent.CommentEdited(C, T, P, W, "b", [Ids.Owner]),
        new CommentEvent.CommentDeleted(C, T, P, W),
        new InboxEvent.NotificationRead(Ids.Member, 7),
        new InboxEvent.AllNotificationsRead(Ids.Member, 9),
    ];

    [Fact]
    public void Given_the_domain_assembly_When_event_types_are_listed_Then_every_concrete_event_has_exactly_one_name()
    {
        var concrete = typeof(DomainEventTypes).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && EventBases.Any(b => b.IsAssignableFrom(t)))
            .ToHashSet();
        Assert.Equal(concrete.OrderBy(t => t.FullName), DomainEventTypes.ByName.Values.OrderBy(t => t.FullName));
        Assert.Equal(DomainEventTypes.ByName.Count, DomainEventTypes.ByType.Count);
    }

    [Fact]
    public void Given_the_names_When_compared_ignoring_case_Then_they_are_unique_and_map_both_ways()
    {
        Assert.Equal(DomainEventTypes.ByName.Count, DomainEventTypes.ByName.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(DomainEventTypes.ByName, pair => Assert.Equal(pair.Key, DomainEventTypes.NameOf(pair.Value)));
        Assert.Equal("TaskAssigned", DomainEventTypes.NameOf(new TaskEvent.TaskAssigned(T, P, W, Ids.Member)));
        Assert.Null(DomainEventTypes.TypeOf("NoSuchEvent"));
        Assert.Throws<ArgumentException>(() => DomainEventTypes.NameOf(typeof(string)));
    }

    [Fact]
    public void Given_one_sample_of_every_event_When_serialized_to_JSON_by_name_and_back_Then_it_is_unchanged()
    {
        var samples = Samples().ToList();
        Assert.Equal(DomainEventTypes.ByName.Count, samples.Select(s => s.GetType()).Distinct().Count());
        foreach (var sample in samples)
        {
            var name = DomainEventTypes.NameOf(sample);
            var json = JsonSerializer.Serialize(sample, sample.GetType());
            var back = JsonSerializer.Deserialize(json, DomainEventTypes.TypeOf(name)!);
            Assert.NotNull(back);
            Assert.Equal(sample.GetType(), back.GetType());
            Assert.Equal(json, JsonSerializer.Serialize(back, back.GetType()));
        }
    }
}
