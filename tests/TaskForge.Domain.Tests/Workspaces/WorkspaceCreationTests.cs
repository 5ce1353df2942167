using TaskForge.Domain.Tests.Support;
using TaskForge.Domain.Workspaces;
using static TaskForge.Domain.Workspaces.WorkspaceCommand;
using static TaskForge.Domain.Workspaces.WorkspaceEvent;

namespace TaskForge.Domain.Tests.Workspaces;

public sealed class WorkspaceCreationTests
{
    private static Outcome<WorkspaceEvent> When(WorkspaceCommand command, params WorkspaceEvent[] given) =>
        WorkspaceFixture.Scenario().Given(given).When(state => WorkspaceDecider.Decide(command, state));

    [Fact]
    public void Given_nothing_When_CreateWorkspace_Then_WorkspaceCreated_with_the_actor_as_owner() =>
        When(new CreateWorkspace(Ids.Owner, Ids.Now, Ids.Workspace, "  Acme  ", "Owner@Example.com"))
            .Then(new WorkspaceCreated(Ids.Workspace, "Acme", Ids.Owner, "owner@example.com"));

    [Fact]
    public void Given_a_created_workspace_When_evolved_Then_the_creator_is_the_only_owner()
    {
        var state = Assert.IsType<WorkspaceState.Active>(WorkspaceFixture.State(WorkspaceFixture.Created));
        Assert.Equal(WorkspaceRole.Owner, state.RoleOf(Ids.Owner));
        Assert.Equal(1, state.OwnerCount);
        Assert.Equal("Acme", state.Name);
    }

    [Fact]
    public void Given_a_workspace_When_CreateWorkspace_with_the_same_id_Then_ALREADY_EXISTS() =>
        When(new CreateWorkspace(Ids.Owner, Ids.Now, Ids.Workspace, "Acme", "owner@example.com"), WorkspaceFixture.Created)
            .ThenError(ErrorCodes.AlreadyExists);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Ac\u0001me")]
    [InlineData("Line\nbreak")]
    public void Given_nothing_When_CreateWorkspace_with_a_bad_name_Then_VALIDATION_naming_the_field(string name)
    {
        var error = When(new CreateWorkspace(Ids.Owner, Ids.Now, Ids.Workspace, name, "owner@example.com"))
            .ThenError(ErrorCodes.Validation);
        Assert.StartsWith("name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_nothing_When_CreateWorkspace_with_a_201_character_name_Then_VALIDATION() =>
        When(new CreateWorkspace(Ids.Owner, Ids.Now, Ids.Workspace, new string('a', 201), "owner@example.com"))
            .ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_nothing_When_CreateWorkspace_with_a_200_character_name_Then_WorkspaceCreated() =>
        When(new CreateWorkspace(Ids.Owner, Ids.Now, Ids.Workspace, new string('a', 200), "owner@example.com"))
            .Then(new WorkspaceCreated(Ids.Workspace, new string('a', 200), Ids.Owner, "owner@example.com"));

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("two@@example.com")]
    [InlineData("sp ace@example.com")]
    public void Given_nothing_When_CreateWorkspace_with_a_bad_email_Then_VALIDATION(string email) =>
        When(new CreateWorkspace(Ids.Owner, Ids.Now, Ids.Workspace, "Acme", email))
            .ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_a_workspace_When_an_admin_renames_it_Then_WorkspaceRenamed() =>
        When(new RenameWorkspace(Ids.Admin, Ids.Now, Ids.Workspace, " Acme Corp "), WorkspaceFixture.WithAllRoles())
            .Then(new WorkspaceRenamed(Ids.Workspace, "Acme Corp"));

    [Fact]
    public void Given_a_workspace_When_renamed_to_its_current_name_Then_no_events() =>
        When(new RenameWorkspace(Ids.Owner, Ids.Now, Ids.Workspace, "Acme"), WorkspaceFixture.WithAllRoles())
            .ThenNothing();

    [Theory]
    [InlineData("00000000-0000-0000-0000-0000000000f3")]
    [InlineData("00000000-0000-0000-0000-0000000000f4")]
    [InlineData("00000000-0000-0000-0000-0000000000f5")]
    public void Given_a_workspace_When_a_member_viewer_or_auditor_renames_it_Then_FORBIDDEN(string actor) =>
        When(new RenameWorkspace(Guid.Parse(actor), Ids.Now, Ids.Workspace, "Mine"), WorkspaceFixture.WithAllRoles())
            .ThenError(ErrorCodes.Forbidden);

    [Fact]
    public void Given_a_workspace_When_an_outsider_renames_it_Then_NOT_FOUND() =>
        When(new RenameWorkspace(Ids.Outsider, Ids.Now, Ids.Workspace, "Mine"), WorkspaceFixture.WithAllRoles())
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_nothing_When_RenameWorkspace_Then_NOT_FOUND() =>
        When(new RenameWorkspace(Ids.Owner, Ids.Now, Ids.Workspace, "Mine"))
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_a_workspace_When_a_command_names_another_workspace_Then_NOT_FOUND() =>
        When(new RenameWorkspace(Ids.Owner, Ids.Now, Ids.OtherWorkspace, "Mine"), WorkspaceFixture.WithAllRoles())
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_a_command_When_asked_for_its_stream_Then_it_is_the_workspace_stream()
    {
        var command = new RenameWorkspace(Ids.Owner, Ids.Now, Ids.Workspace, "x");
        Assert.Equal($"workspace-{Ids.Workspace:N}", command.StreamId);
        Assert.Equal(Ids.Workspace, ((WorkspaceCommand)command).WorkspaceId);
    }
}
