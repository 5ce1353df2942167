using TaskForge.Domain.Projects;
using TaskForge.Domain.Tests.Support;
using static TaskForge.Domain.Projects.ProjectCommand;
using static TaskForge.Domain.Projects.ProjectEvent;
using static TaskForge.Domain.Tests.Support.ProjectFixture;

namespace TaskForge.Domain.Tests.Projects;

public sealed class ProjectLifecycleTests
{
    [Fact]
    public void Given_nothing_When_an_admin_creates_a_project_with_columns_Then_ProjectCreated_with_trimmed_names() =>
        When(new CreateProject(Ids.Admin, Ids.Now, Ids.Workspace, Project, " Launch ", "  ", [new(Todo, " To do "), new(Done, "Done")]))
            .Then(new ProjectCreated(Project, Ids.Workspace, "Launch", "", [new(Todo, "To do"), new(Done, "Done")]));

    [Fact]
    public void Given_nothing_When_a_project_is_created_without_columns_Then_it_gets_the_default_board_with_stable_ids()
    {
        var decision = When(new CreateProject(Ids.Owner, Ids.Now, Ids.Workspace, Project, "Launch")).Decision;
        var created = Assert.IsType<ProjectCreated>(Assert.Single(decision.Events));
        Assert.Equal(["To do", "In progress", "In review", "Done"], created.Columns.Select(c => c.Name));
        Assert.Equal(4, created.Columns.Select(c => c.ColumnId).Distinct().Count());
        var again = When(new CreateProject(Ids.Owner, Ids.Now, Ids.Workspace, Project, "Launch")).Decision;
        Assert.Equal(created.Columns, ((ProjectCreated)again.Events[0]).Columns);
        var other = When(new CreateProject(Ids.Owner, Ids.Now, Ids.Workspace, Guid.NewGuid(), "Other")).Decision;
        Assert.Empty(((ProjectCreated)other.Events[0]).Columns.Select(c => c.ColumnId).Intersect(created.Columns.Select(c => c.ColumnId)));
    }

    [Fact]
    public void Given_a_project_When_created_again_Then_ALREADY_EXISTS() =>
        WhenOnCreated(new CreateProject(Ids.Owner, Ids.Now, Ids.Workspace, Project, "Launch"))
            .ThenError(ErrorCodes.AlreadyExists);

    [Fact]
    public void Given_nothing_When_created_with_duplicate_column_names_Then_VALIDATION() =>
        When(new CreateProject(Ids.Owner, Ids.Now, Ids.Workspace, Project, "Launch", null, [new(Todo, "Done"), new(Done, "done")]))
            .ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_nothing_When_created_with_duplicate_column_ids_Then_VALIDATION() =>
        When(new CreateProject(Ids.Owner, Ids.Now, Ids.Workspace, Project, "Launch", null, [new(Todo, "A"), new(Todo, "B")]))
            .ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_nothing_When_created_with_51_columns_Then_VALIDATION() =>
        When(new CreateProject(Ids.Owner, Ids.Now, Ids.Workspace, Project, "Launch", null,
                [.. Enumerable.Range(0, 51).Select(i => new BoardColumn(Guid.NewGuid(), $"C{i}"))]))
            .ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_nothing_When_created_with_a_control_character_in_the_name_Then_VALIDATION() =>
        When(new CreateProject(Ids.Owner, Ids.Now, Ids.Workspace, Project, "Lau\u001bnch"))
            .ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_nothing_When_created_with_a_20001_character_description_Then_VALIDATION() =>
        When(new CreateProject(Ids.Owner, Ids.Now, Ids.Workspace, Project, "Launch", new string('d', 20_001)))
            .ThenError(ErrorCodes.Validation);

    [Theory]
    [InlineData("00000000-0000-0000-0000-0000000000f3")]
    [InlineData("00000000-0000-0000-0000-0000000000f4")]
    [InlineData("00000000-0000-0000-0000-0000000000f5")]
    public void Given_nothing_When_a_member_viewer_or_auditor_creates_a_project_Then_FORBIDDEN(string actor) =>
        When(new CreateProject(Guid.Parse(actor), Ids.Now, Ids.Workspace, Project, "Launch"))
            .ThenError(ErrorCodes.Forbidden);

    [Fact]
    public void Given_a_project_When_an_outsider_renames_it_Then_NOT_FOUND() =>
        WhenOnCreated(new RenameProject(Ids.Outsider, Ids.Now, Ids.Workspace, Project, "Mine"))
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_a_project_in_another_workspace_When_an_admin_of_this_one_renames_it_Then_NOT_FOUND() =>
        When(new RenameProject(Ids.Admin, Ids.Now, Ids.Workspace, Project, "Mine"), Created with { WorkspaceId = Ids.OtherWorkspace })
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_nothing_When_RenameProject_Then_NOT_FOUND() =>
        When(new RenameProject(Ids.Admin, Ids.Now, Ids.Workspace, Project, "Mine"))
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_a_project_When_renamed_Then_ProjectRenamed() =>
        WhenOnCreated(new RenameProject(Ids.Admin, Ids.Now, Ids.Workspace, Project, "Relaunch"))
            .Then(new ProjectRenamed(Project, Ids.Workspace, "Relaunch"));

    [Fact]
    public void Given_a_project_When_renamed_to_its_name_Then_no_events() =>
        WhenOnCreated(new RenameProject(Ids.Admin, Ids.Now, Ids.Workspace, Project, "Launch "))
            .ThenNothing();

    [Fact]
    public void Given_a_project_When_described_with_lines_and_tabs_Then_ProjectDescriptionChanged() =>
        WhenOnCreated(new DescribeProject(Ids.Admin, Ids.Now, Ids.Workspace, Project, "Goals:\n\t- ship\r\n"))
            .Then(new ProjectDescriptionChanged(Project, Ids.Workspace, "Goals:\n\t- ship"));

    [Fact]
    public void Given_a_described_project_When_described_the_same_Then_no_events() =>
        WhenOnCreated(new DescribeProject(Ids.Admin, Ids.Now, Ids.Workspace, Project, "Goals"), new ProjectDescriptionChanged(Project, Ids.Workspace, "Goals"))
            .ThenNothing();

    [Fact]
    public void Given_a_project_When_described_with_a_bell_character_Then_VALIDATION() =>
        WhenOnCreated(new DescribeProject(Ids.Admin, Ids.Now, Ids.Workspace, Project, "ring \u0007"))
            .ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_a_project_When_archived_Then_ProjectArchived() =>
        WhenOnCreated(new ArchiveProject(Ids.Admin, Ids.Now, Ids.Workspace, Project))
            .Then(new ProjectArchived(Project, Ids.Workspace));

    [Fact]
    public void Given_an_archived_project_When_archived_again_Then_no_events() =>
        WhenOnCreated(new ArchiveProject(Ids.Admin, Ids.Now, Ids.Workspace, Project), new ProjectArchived(Project, Ids.Workspace))
            .ThenNothing();

    [Fact]
    public void Given_an_archived_project_When_renamed_Then_ARCHIVED() =>
        WhenOnCreated(new RenameProject(Ids.Admin, Ids.Now, Ids.Workspace, Project, "X"), new ProjectArchived(Project, Ids.Workspace))
            .ThenError(ErrorCodes.Archived);

    [Fact]
    public void Given_an_archived_project_When_a_column_is_added_Then_ARCHIVED() =>
        WhenOnCreated(new AddColumn(Ids.Admin, Ids.Now, Ids.Workspace, Project, Guid.NewGuid(), "Blocked"), new ProjectArchived(Project, Ids.Workspace))
            .ThenError(ErrorCodes.Archived);

    [Fact]
    public void Given_an_archived_project_When_restored_Then_ProjectRestored() =>
        WhenOnCreated(new RestoreProject(Ids.Owner, Ids.Now, Ids.Workspace, Project), new ProjectArchived(Project, Ids.Workspace))
            .Then(new ProjectRestored(Project, Ids.Workspace));

    [Fact]
    public void Given_an_active_project_When_restored_Then_no_events() =>
        WhenOnCreated(new RestoreProject(Ids.Owner, Ids.Now, Ids.Workspace, Project))
            .ThenNothing();

    [Fact]
    public void Given_an_archived_project_When_a_viewer_restores_it_Then_FORBIDDEN() =>
        WhenOnCreated(new RestoreProject(Ids.Viewer, Ids.Now, Ids.Workspace, Project), new ProjectArchived(Project, Ids.Workspace))
            .ThenError(ErrorCodes.Forbidden);

    [Fact]
    public void Given_a_command_When_asked_for_its_stream_Then_it_is_the_project_stream() =>
        Assert.Equal($"project-{Project:N}", new ArchiveProject(Ids.Owner, Ids.Now, Ids.Workspace, Project).StreamId);
}
