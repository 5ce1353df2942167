using System.Reflection;
using TaskForge.Domain.Comments;
using TaskForge.Domain.Inboxes;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Tests.Support;
using TaskForge.Domain.Workspaces;

namespace TaskForge.Domain.Tests.Common;

/// <summary>Every command, filled with hostile values, decides an error or events and never throws.</summary>
public sealed class RobustnessTests
{
    private static readonly Type[] CommandBases =
        [typeof(WorkspaceCommand), typeof(ProjectCommand), typeof(TaskCommand), typeof(CommentCommand), typeof(InboxCommand)];

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var type in typeof(DomainEventTypes).Assembly.GetTypes().Where(t => !t.IsAbstract && CommandBases.Any(b => b.IsAssignableFrom(t))))
        {
            for (var variant = 0; variant < 5; variant++)
                data.Add(type.FullName!, variant);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Given_any_state_When_a_command_carries_hostile_values_Then_Decide_returns_a_decision(string commandType, int variant)
    {
        var type = typeof(DomainEventTypes).Assembly.GetType(commandType)!;
        var constructor = type.GetConstructors().Single(c => c.GetParameters().Length > 1);
        var command = constructor.Invoke([.. constructor.GetParameters().Select(p => Value(p, variant))]);

        foreach (var decision in DecideInEveryState(command))
        {
            Assert.True(decision.IsError || decision.Events is not null);
            if (decision.IsError)
                Assert.False(string.IsNullOrWhiteSpace(decision.Error!.Message));
        }
    }

    private static IEnumerable<(bool IsError, DomainError? Error, object Events)> DecideInEveryState(object command)
    {
        var workspace = WorkspaceFixture.AllRoles();
        var project = ProjectFixture.State(ProjectFixture.Created);
        var task = CommentFixture.ActiveTask();
        switch (command)
        {
            case WorkspaceCommand c:
                foreach (var state in new[] { WorkspaceState.Initial, workspace })
                    yield return Shape(WorkspaceDecider.Decide(c, state));
                break;
            case ProjectCommand c:
                foreach (var state in new[] { ProjectState.Initial, project })
                    yield return Shape(ProjectDecider.Decide(c, state, workspace));
                break;
            case TaskCommand c:
                foreach (var state in new[] { TaskState.Initial, task })
                    yield return Shape(TaskDecider.Decide(c, state, new TaskContext(workspace, project)));
                break;
            case CommentCommand c:
                var comment = CommentFixture.Scenario().Given(CommentFixture.Added).State;
                foreach (var state in new[] { CommentState.Initial, comment })
                    yield return Shape(CommentDecider.Decide(c, state, new CommentContext(workspace, task)));
                break;
            case InboxCommand c:
                yield return Shape(InboxDecider.Decide(c, InboxState.Initial));
                break;
        }
    }

    private static (bool, DomainError?, object) Shape<T>(Decision<T> decision) => (decision.IsError, decision.Error, decision.Events);

    private static object? Value(ParameterInfo parameter, int variant)
    {
        var type = parameter.ParameterType;
        var name = parameter.Name!;
        if (type == typeof(Guid))
            return variant % 2 == 0 ? KnownId(name) : Guid.Empty;
        if (type == typeof(Guid?))
            return variant % 2 == 0 ? null : Guid.Empty;
        if (type == typeof(string))
            return new string?[] { null, "", new string('x', 30_000), "\u0000\u001b", "@@@@ @a@b." }[variant];
        if (type == typeof(int) || type == typeof(int?))
            return new[] { -1, 0, int.MaxValue, int.MinValue, 3 }[variant];
        if (type == typeof(long))
            return new[] { -1L, 0L, long.MaxValue, long.MinValue, 3L }[variant];
        if (type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?))
            return variant % 2 == 0 ? DateTimeOffset.MinValue : DateTimeOffset.MaxValue;
        if (type.IsEnum || Nullable.GetUnderlyingType(type)?.IsEnum == true)
            return Enum.ToObject(Nullable.GetUnderlyingType(type) ?? type, variant % 2 == 0 ? 99 : -1);
        if (type == typeof(IReadOnlyList<string>))
            return variant % 2 == 0 ? null : new string?[] { null, "" };
        if (type == typeof(IReadOnlyList<Guid>))
            return variant % 2 == 0 ? null : Enumerable.Repeat(Guid.Empty, 30).ToArray();
        if (type == typeof(IReadOnlyList<BoardColumn>))
            return variant % 2 == 0 ? null : new BoardColumn?[] { null, new(Guid.Empty, null!) };
        throw new InvalidOperationException($"No hostile value for {type} {name}.");
    }

    private static Guid KnownId(string name) => name switch
    {
        "ActorId" => Ids.Owner,
        "WorkspaceId" => Ids.Workspace,
        "ProjectId" => ProjectFixture.Project,
        "TaskId" => TaskFixture.TaskId,
        "CommentId" => CommentFixture.Comment,
        "ColumnId" => ProjectFixture.Todo,
        _ => Ids.Member,
    };
}
