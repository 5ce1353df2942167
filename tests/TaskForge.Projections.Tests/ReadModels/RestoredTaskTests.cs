using TaskForge.Domain.Tasks;
using TaskForge.Projections.Tests.Support;

namespace TaskForge.Projections.Tests.ReadModels;

/// <summary>
/// A deleted task leaves the board, its detail and search; a restored one comes back whole (fields, comments, comment
/// count, searchable words) where the TaskRestored event puts it, and the feed tells both (ADR 0140).
/// </summary>
public sealed class RestoredTaskTests(ReadModelFixture fixture) : IClassFixture<ReadModelFixture>
{
    [Fact]
    public async Task Given_a_task_deleted_then_restored_When_reading_every_read_model_Then_it_is_back_whole_in_the_restored_place()
    {
        var bob = Guid.NewGuid();
        var workspace = await TestWorkspace.CreateAsync(fixture.Log, "Acme", bob);
        var project = await workspace.CreateProjectAsync();
        var task = await project.CreateTaskAsync(workspace.Owner, "Quarterly zeppelin report", assignees: [bob], labels: ["finance"]);
        await project.CommentAsync(bob, task, "numbers attached, see the marmalade sheet");
        await project.TaskEventAsync(workspace.Owner, new TaskEvent.TaskDeleted(task, project.Id, workspace.Id));
        await fixture.CaughtUpAsync();

        var boardWhileDeleted = await fixture.Boards.GetAsync(bob, project.Id);
        var detailWhileDeleted = await fixture.Tasks.GetAsync(bob, task);
        var hitsWhileDeleted = await fixture.Search.SearchAsync(bob, "marmalade", workspaceId: workspace.Id);

        var restoredAt = await project.TaskEventAsync(workspace.Owner, new TaskEvent.TaskRestored(task, project.Id, workspace.Id, project.Columns[2], "m"));
        await fixture.CaughtUpAsync();

        Assert.DoesNotContain(boardWhileDeleted!.Columns.SelectMany(c => c.Tasks), t => t.TaskId == task);
        Assert.Null(detailWhileDeleted);
        Assert.Empty(hitsWhileDeleted);

        var board = await fixture.Boards.GetAsync(bob, project.Id);
        var card = Assert.Single(board!.Columns[2].Tasks);
        Assert.Equal((task, "Quarterly zeppelin report", 1, "m"), (card.TaskId, card.Title, card.CommentCount, card.Rank));
        Assert.Equal([bob], card.Assignees);
        Assert.Equal(["finance"], card.Labels);

        var detail = await fixture.Tasks.GetAsync(bob, task);
        Assert.NotNull(detail);
        Assert.Equal((project.Columns[2], "m", restoredAt), (detail.ColumnId, detail.Rank, detail.EventId));
        Assert.Equal(["numbers attached, see the marmalade sheet"], detail.Comments.Select(c => c.Body));

        Assert.Equal(["comment"], (await fixture.Search.SearchAsync(bob, "marmalade", workspaceId: workspace.Id)).Select(h => h.Kind));
        Assert.Equal(["task"], (await fixture.Search.SearchAsync(bob, "zeppelin", workspaceId: workspace.Id)).Select(h => h.Kind));

        var verbs = (await fixture.Feed.ListAsync(bob, workspaceId: workspace.Id)).Entries.Where(e => e.TargetId == task).Select(e => e.Verb).ToList();
        Assert.Equal(["restored", "deleted"], verbs.Take(2));
    }

    [Fact]
    public async Task Given_a_restored_task_deleted_again_When_reading_the_board_Then_it_is_gone_again()
    {
        var workspace = await TestWorkspace.CreateAsync(fixture.Log);
        var project = await workspace.CreateProjectAsync();
        var task = await project.CreateTaskAsync(workspace.Owner, "Twice");
        await project.TaskEventAsync(workspace.Owner, new TaskEvent.TaskDeleted(task, project.Id, workspace.Id));
        await project.TaskEventAsync(workspace.Owner, new TaskEvent.TaskRestored(task, project.Id, workspace.Id, project.Columns[0], "i"));
        await project.TaskEventAsync(workspace.Owner, new TaskEvent.TaskDeleted(task, project.Id, workspace.Id));
        await fixture.CaughtUpAsync();

        var board = await fixture.Boards.GetAsync(workspace.Owner, project.Id);

        Assert.Empty(board!.Columns.SelectMany(c => c.Tasks));
        Assert.Null(await fixture.Tasks.GetAsync(workspace.Owner, task));
    }
}
