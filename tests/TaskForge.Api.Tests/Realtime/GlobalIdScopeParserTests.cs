using TaskForge.Api.Realtime;
using TaskForge.Api.Schema;
using TaskForge.Realtime.Fanout;

namespace TaskForge.Api.Tests.Realtime;

public sealed class GlobalIdScopeParserTests
{
    private readonly GlobalIdScopeParser _parser = new();

    [Fact]
    public void Global_ids_and_bare_guids_both_name_scopes_and_global_ids_carry_their_workspace()
    {
        Guid workspace = Guid.NewGuid(), project = Guid.NewGuid(), task = Guid.NewGuid();
        Assert.Equal(Scope.Workspace(workspace), _parser.Parse($"workspace:{GlobalId.Workspace(workspace)}"));
        Assert.Equal(Scope.Project(project, workspace), _parser.Parse($"project:{GlobalId.Project(workspace, project)}"));
        Assert.Equal(Scope.Task(task, workspace), _parser.Parse($"task:{GlobalId.Task(workspace, project, task)}"));
        Assert.Equal(Scope.Project(project), _parser.Parse($"project:{project}"));
        Assert.Equal(Scope.Me, _parser.Parse("me"));
    }

    [Theory]
    [InlineData("board:1")]
    [InlineData("workspace:1")]
    [InlineData("workspace:")]
    [InlineData(":x")]
    [InlineData("task:not-an-id")]
    [InlineData("")]
    public void Anything_else_is_not_a_scope(string text) => Assert.Null(_parser.Parse(text));

    [Fact]
    public void A_global_id_of_another_kind_is_not_a_scope() =>
        Assert.Null(_parser.Parse($"workspace:{GlobalId.User(Guid.NewGuid())}"));
}
