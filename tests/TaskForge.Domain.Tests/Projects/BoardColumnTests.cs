using TaskForge.Domain.Projects;
using TaskForge.Domain.Tests.Support;
using static TaskForge.Domain.Projects.ProjectCommand;
using static TaskForge.Domain.Projects.ProjectEvent;
using static TaskForge.Domain.Tests.Support.ProjectFixture;

namespace TaskForge.Domain.Tests.Projects;

public sealed class BoardColumnTests
{
    private static readonly Guid Blocked = Guid.Parse("00000000-0000-0000-0000-00000000c005");

    [Fact]
    public void Given_a_board_When_a_column_is_added_without_index_Then_ColumnAdded_at_the_end() =>
        WhenOnCreated(new AddColumn(Ids.Admin, Ids.Now, Ids.Workspace, Project, Blocked, " Blocked "))
            .Then(new ColumnAdded(Project, Ids.Workspace, Blocked, "Blocked", 4));

    [Fact]
    public void Given_a_board_When_a_column_is_added_at_index_1_Then_it_sits_second()
    {
        WhenOnCreated(new AddColumn(Ids.Admin, Ids.Now, Ids.Workspace, Project, Blocked, "Blocked", 1))
            .Then(new ColumnAdded(Project, Ids.Workspace, Blocked, "Blocked", 1));
        var state = Active(new ColumnAdded(Project, Ids.Workspace, Blocked, "Blocked", 1));
        Assert.Equal([Todo, Blocked, Doing, Review, Done], state.Columns.Select(c => c.ColumnId));
    }

    [Fact]
    public void Given_an_added_column_When_added_again_Then_no_events() =>
        WhenOnCreated(new AddColumn(Ids.Admin, Ids.Now, Ids.Workspace, Project, Blocked, "Blocked"), new ColumnAdded(Project, Ids.Workspace, Blocked, "Blocked", 4))
            .ThenNothing();

    [Fact]
    public void Given_a_board_When_a_column_id_is_reused_with_another_name_Then_ALREADY_EXISTS() =>
        WhenOnCreated(new AddColumn(Ids.Admin, Ids.Now, Ids.Workspace, Project, Todo, "Backlog"))
            .ThenError(ErrorCodes.AlreadyExists);

    [Fact]
    public void Given_a_board_When_a_column_name_is_taken_Then_ALREADY_EXISTS() =>
        WhenOnCreated(new AddColumn(Ids.Admin, Ids.Now, Ids.Workspace, Project, Blocked, "DONE"))
            .ThenError(ErrorCodes.AlreadyExists);

    [Fact]
    public void Given_a_removed_column_When_its_id_is_added_again_Then_ALREADY_EXISTS() =>
        WhenOnCreated(new AddColumn(Ids.Admin, Ids.Now, Ids.Workspace, Project, Review, "Again"), new ColumnRemoved(Project, Ids.Workspace, Review, Todo))
            .ThenError(ErrorCodes.AlreadyExists);

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void Given_a_board_When_a_column_is_added_out_of_range_Then_VALIDATION_about_index(int index) =>
        Assert.Equal("index", WhenOnCreated(new AddColumn(Ids.Admin, Ids.Now, Ids.Workspace, Project, Blocked, "Blocked", index))
            .ThenError(ErrorCodes.Validation).Field);

    [Fact]
    public void Given_a_full_board_When_a_column_is_added_Then_VALIDATION_about_no_one_input_field() =>
        Assert.Null(When(new AddColumn(Ids.Admin, Ids.Now, Ids.Workspace, Project, Blocked, "Blocked"),
                Created with { Columns = [.. Enumerable.Range(0, 50).Select(i => new BoardColumn(Guid.NewGuid(), $"C{i}"))] })
            .ThenError(ErrorCodes.Validation).Field);

    [Fact]
    public void Given_a_board_When_a_member_adds_a_column_Then_FORBIDDEN() =>
        WhenOnCreated(new AddColumn(Ids.Member, Ids.Now, Ids.Workspace, Project, Blocked, "Blocked"))
            .ThenError(ErrorCodes.Forbidden);

    [Fact]
    public void Given_a_board_When_a_column_is_renamed_Then_ColumnRenamed() =>
        WhenOnCreated(new RenameColumn(Ids.Admin, Ids.Now, Ids.Workspace, Project, Todo, "Backlog"))
            .Then(new ColumnRenamed(Project, Ids.Workspace, Todo, "Backlog"));

    [Fact]
    public void Given_a_board_When_a_column_is_renamed_to_its_name_Then_no_events() =>
        WhenOnCreated(new RenameColumn(Ids.Admin, Ids.Now, Ids.Workspace, Project, Todo, "To do"))
            .ThenNothing();

    [Fact]
    public void Given_a_board_When_a_column_is_renamed_to_another_columns_name_Then_ALREADY_EXISTS() =>
        WhenOnCreated(new RenameColumn(Ids.Admin, Ids.Now, Ids.Workspace, Project, Todo, "done"))
            .ThenError(ErrorCodes.AlreadyExists);

    [Fact]
    public void Given_a_board_When_an_unknown_column_is_renamed_Then_STATUS_NOT_ON_BOARD() =>
        WhenOnCreated(new RenameColumn(Ids.Admin, Ids.Now, Ids.Workspace, Project, Blocked, "X"))
            .ThenError(ErrorCodes.StatusNotOnBoard);

    [Fact]
    public void Given_a_board_When_columns_are_reordered_Then_ColumnsReordered_and_the_board_follows()
    {
        WhenOnCreated(new ReorderColumns(Ids.Admin, Ids.Now, Ids.Workspace, Project, [Done, Todo, Doing, Review]))
            .Then(new ColumnsReordered(Project, Ids.Workspace, [Done, Todo, Doing, Review]));
        var state = Active(new ColumnsReordered(Project, Ids.Workspace, [Done, Todo, Doing, Review]));
        Assert.Equal([Done, Todo, Doing, Review], state.Columns.Select(c => c.ColumnId));
    }

    [Fact]
    public void Given_a_board_When_reordered_into_the_same_order_Then_no_events() =>
        WhenOnCreated(new ReorderColumns(Ids.Admin, Ids.Now, Ids.Workspace, Project, [Todo, Doing, Review, Done]))
            .ThenNothing();

    [Theory]
    [InlineData(new[] { 0, 1, 2 })]
    [InlineData(new[] { 0, 1, 2, 2 })]
    [InlineData(new[] { 0, 1, 2, 3, 4 })]
    public void Given_a_board_When_reordered_with_a_wrong_set_Then_VALIDATION(int[] positions)
    {
        Guid[] pool = [Todo, Doing, Review, Done, Blocked];
        Assert.Equal("columnIds", WhenOnCreated(new ReorderColumns(Ids.Admin, Ids.Now, Ids.Workspace, Project, [.. positions.Select(p => pool[p])]))
            .ThenError(ErrorCodes.Validation).Field);
    }

    [Fact]
    public void Given_an_empty_column_When_removed_without_target_Then_ColumnRemoved_to_the_first_remaining_column() =>
        WhenOnCreated(new RemoveColumn(Ids.Admin, Ids.Now, Ids.Workspace, Project, Todo, null, 0))
            .Then(new ColumnRemoved(Project, Ids.Workspace, Todo, Doing));

    [Fact]
    public void Given_a_column_with_tasks_When_removed_without_target_Then_COLUMN_NOT_EMPTY() =>
        WhenOnCreated(new RemoveColumn(Ids.Admin, Ids.Now, Ids.Workspace, Project, Review, null, 3))
            .ThenError(ErrorCodes.ColumnNotEmpty);

    [Fact]
    public void Given_a_column_with_tasks_When_removed_with_a_target_Then_ColumnRemoved_naming_the_target() =>
        WhenOnCreated(new RemoveColumn(Ids.Admin, Ids.Now, Ids.Workspace, Project, Review, Done, 3))
            .Then(new ColumnRemoved(Project, Ids.Workspace, Review, Done));

    [Fact]
    public void Given_a_column_When_removed_into_itself_Then_VALIDATION_about_targetColumnId() =>
        Assert.Equal("targetColumnId", WhenOnCreated(new RemoveColumn(Ids.Admin, Ids.Now, Ids.Workspace, Project, Review, Review, 3))
            .ThenError(ErrorCodes.Validation).Field);

    [Fact]
    public void Given_a_column_When_removed_into_an_unknown_column_Then_STATUS_NOT_ON_BOARD_about_targetColumnId() =>
        Assert.Equal("targetColumnId", WhenOnCreated(new RemoveColumn(Ids.Admin, Ids.Now, Ids.Workspace, Project, Review, Blocked, 3))
            .ThenError(ErrorCodes.StatusNotOnBoard).Field);

    [Fact]
    public void Given_a_board_When_an_unknown_column_is_removed_Then_STATUS_NOT_ON_BOARD_about_columnId() =>
        Assert.Equal("columnId", WhenOnCreated(new RemoveColumn(Ids.Admin, Ids.Now, Ids.Workspace, Project, Blocked, null, 0))
            .ThenError(ErrorCodes.StatusNotOnBoard).Field);

    [Fact]
    public void Given_a_removed_column_When_removed_again_Then_no_events() =>
        WhenOnCreated(new RemoveColumn(Ids.Admin, Ids.Now, Ids.Workspace, Project, Review, Done, 3), new ColumnRemoved(Project, Ids.Workspace, Review, Done))
            .ThenNothing();

    [Fact]
    public void Given_a_board_When_a_negative_task_count_is_given_Then_VALIDATION() =>
        WhenOnCreated(new RemoveColumn(Ids.Admin, Ids.Now, Ids.Workspace, Project, Review, null, -1))
            .ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_a_single_column_board_When_it_is_removed_Then_VALIDATION() =>
        When(new RemoveColumn(Ids.Admin, Ids.Now, Ids.Workspace, Project, Todo, null, 0), Created with { Columns = [new(Todo, "To do")] })
            .ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_chained_removals_When_a_column_is_resolved_Then_it_follows_to_the_live_column()
    {
        var state = Active(
            new ColumnRemoved(Project, Ids.Workspace, Review, Doing),
            new ColumnRemoved(Project, Ids.Workspace, Doing, Done));
        Assert.Equal(Done, state.ResolveColumn(Review));
        Assert.Equal(Done, state.ResolveColumn(Doing));
        Assert.Equal(Todo, state.ResolveColumn(Todo));
        Assert.Null(state.ResolveColumn(Blocked));
        Assert.Equal([Todo, Done], state.Columns.Select(c => c.ColumnId));
    }
}
