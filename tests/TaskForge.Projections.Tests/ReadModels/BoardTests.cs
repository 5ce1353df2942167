using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Projections.Tests.Support;

namespace TaskForge.Projections.Tests.ReadModels;

public sealed class BoardTests(ReadModelFixture fixture) : IClassFixture<ReadModelFixture>
{
    [Fact]
    public async Task Given_tasks_and_column_changes_When_reading_the_board_Then_columns_and_cards_are_in_order_with_their_fields()
    {
        var (ana, bob) = (Guid.NewGuid(), Guid.NewGuid());
        var workspace = await TestWorkspace.CreateAsync(fixture.Log, "Acme", ana, bob);
        var project = await workspace.CreateProjectAsync("Launch");
        var due = new DateTimeOffset(2026, 12, 24, 0, 0, 0, TimeSpan.Zero);
        var second = await project.CreateTaskAsync(ana, "Second", rank: "r");
        var first = await project.CreateTaskAsync(ana, "First", rank: "c", assignees: [bob], labels: ["ui"]);
        var doing = await project.CreateTaskAsync(ana, "Doing", column: 1);
        await project.TaskEventAsync(ana, new TaskEvent.TaskAssigned(first, project.Id, workspace.Id, ana));
        await project.TaskEventAsync(ana, new TaskEvent.TaskDueDateSet(first, project.Id, workspace.Id, due));
        await project.TaskEventAsync(ana, new TaskEvent.TaskLabelAdded(first, project.Id, workspace.Id, "backend"));
        await project.TaskEventAsync(ana, new TaskEvent.TaskLabelRemoved(first, project.Id, workspace.Id, "UI"));
        await project.TaskEventAsync(ana, new TaskEvent.TaskPriorityChanged(first, project.Id, workspace.Id, TaskPriority.High));
        await project.CommentAsync(bob, first, "one");
        var (deleted, _) = await project.CommentAsync(bob, first, "two");
        await project.CommentAsync(bob, first, "three");
        await project.CommentEventAsync(bob, new Domain.Comments.CommentEvent.CommentDeleted(deleted, first, project.Id, workspace.Id));
        var blocked = Guid.NewGuid();
        await project.ProjectEventAsync(ana, new ProjectEvent.ColumnAdded(project.Id, workspace.Id, blocked, "Blocked", 1));
        await project.ProjectEventAsync(ana, new ProjectEvent.ColumnRemoved(project.Id, workspace.Id, project.Columns[1], blocked));
        await fixture.CaughtUpAsync();

        var board = await fixture.Boards.GetAsync(bob, project.Id);

        Assert.NotNull(board);
        Assert.Equal(["To do", "Blocked", "In review", "Done"], board.Columns.Select(c => c.Name));
        Assert.Equal(["First", "Second"], board.Columns[0].Tasks.Select(t => t.Title));
        Assert.Equal([doing], board.Columns[1].Tasks.Select(t => t.TaskId));
        var card = board.Columns[0].Tasks[0];
        Assert.Equal((first, TaskPriority.High, (DateTimeOffset?)due, 2), (card.TaskId, card.Priority, card.DueDate, card.CommentCount));
        Assert.Equal(["backend"], card.Labels);
        Assert.Equal([bob, ana], card.Assignees);
        Assert.Equal(second, board.Columns[0].Tasks[1].TaskId);
    }

    [Fact]
    public async Task Given_moves_reorders_and_deletion_When_reading_the_board_Then_it_shows_the_latest_arrangement()
    {
        var workspace = await TestWorkspace.CreateAsync(fixture.Log);
        var project = await workspace.CreateProjectAsync();
        var a = await project.CreateTaskAsync(workspace.Owner, "A", rank: "i");
        var b = await project.CreateTaskAsync(workspace.Owner, "B", rank: "s");
        await project.TaskEventAsync(workspace.Owner, new TaskEvent.TaskMoved(b, project.Id, workspace.Id, project.Columns[0], project.Columns[0], "d"));
        await project.TaskEventAsync(workspace.Owner, new TaskEvent.TaskMoved(a, project.Id, workspace.Id, project.Columns[0], project.Columns[3], "i"));
        await project.TaskEventAsync(workspace.Owner, new TaskEvent.TaskCompleted(a, project.Id, workspace.Id));
        var c = await project.CreateTaskAsync(workspace.Owner, "C", rank: "x");
        await project.TaskEventAsync(workspace.Owner, new TaskEvent.TaskDeleted(c, project.Id, workspace.Id));
        await project.ProjectEventAsync(workspace.Owner, new ProjectEvent.ColumnsReordered(project.Id, workspace.Id, [.. project.Columns.Reverse()]));
        await project.ProjectEventAsync(workspace.Owner, new ProjectEvent.ProjectArchived(project.Id, workspace.Id));
        await fixture.CaughtUpAsync();

        var board = await fixture.Boards.GetAsync(workspace.Owner, project.Id);

        Assert.NotNull(board);
        Assert.True(board.Archived);
        Assert.Equal(["Done", "In review", "In progress", "To do"], board.Columns.Select(col => col.Name));
        Assert.Equal([(a, true)], board.Columns[0].Tasks.Select(t => (t.TaskId, t.Completed)));
        Assert.Equal([b], board.Columns[3].Tasks.Select(t => t.TaskId));
    }

    [Fact]
    public async Task Given_a_user_outside_the_workspace_When_reading_the_board_Then_there_is_none()
    {
        var workspace = await TestWorkspace.CreateAsync(fixture.Log);
        var project = await workspace.CreateProjectAsync();
        await fixture.CaughtUpAsync();

        Assert.NotNull(await fixture.Boards.GetAsync(workspace.Owner, project.Id));
        Assert.Null(await fixture.Boards.GetAsync(Guid.NewGuid(), project.Id));
    }
}
