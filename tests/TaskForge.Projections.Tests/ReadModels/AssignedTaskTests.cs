using Microsoft.Extensions.DependencyInjection;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Projections.Board;
using TaskForge.Projections.Tests.Support;

namespace TaskForge.Projections.Tests.ReadModels;

public sealed class AssignedTaskTests(ReadModelFixture fixture) : IClassFixture<ReadModelFixture>
{
    private AssignedTaskReader Assigned => fixture.Host.Services.GetRequiredService<AssignedTaskReader>();

    [Fact]
    public async Task Given_tasks_assigned_across_workspaces_When_listed_Then_open_ones_come_soonest_due_first_from_current_workspaces_only()
    {
        var me = Guid.NewGuid();
        var other = Guid.NewGuid();
        var home = await TestWorkspace.CreateAsync(fixture.Log, "Home", me, other);
        var away = await TestWorkspace.CreateAsync(fixture.Log, "Away", me);
        var left = await TestWorkspace.CreateAsync(fixture.Log, "Left", me);
        var homeProject = await home.CreateProjectAsync();
        var awayProject = await away.CreateProjectAsync();
        var archived = await home.CreateProjectAsync("Archived");
        var leftProject = await left.CreateProjectAsync();

        var noDue = await homeProject.CreateTaskAsync(home.Owner, "No due date", assignees: [me]);
        var later = await awayProject.CreateTaskAsync(away.Owner, "Later", assignees: [me, other]);
        var sooner = await homeProject.CreateTaskAsync(home.Owner, "Sooner", assignees: [me]);
        var done = await homeProject.CreateTaskAsync(home.Owner, "Done", assignees: [me]);
        await homeProject.CreateTaskAsync(home.Owner, "Someone else's", assignees: [other]);
        await archived.CreateTaskAsync(home.Owner, "In an archived project", assignees: [me]);
        await leftProject.CreateTaskAsync(left.Owner, "In a workspace I left", assignees: [me]);
        var now = DateTimeOffset.UtcNow;
        await awayProject.TaskEventAsync(away.Owner, new TaskEvent.TaskDueDateSet(later, awayProject.Id, away.Id, now.AddDays(3)));
        await homeProject.TaskEventAsync(home.Owner, new TaskEvent.TaskDueDateSet(sooner, homeProject.Id, home.Id, now.AddDays(1)));
        await homeProject.TaskEventAsync(home.Owner, new TaskEvent.TaskCompleted(done, homeProject.Id, home.Id));
        await archived.ProjectEventAsync(home.Owner, new ProjectEvent.ProjectArchived(archived.Id, home.Id));
        await left.RemoveMemberAsync(me);
        await fixture.CaughtUpAsync();

        var open = await Assigned.ListAsync(me, includeCompleted: false);
        var all = await Assigned.ListAsync(me, includeCompleted: true);

        Assert.Equal([sooner, later, noDue], open.Select(t => t.Card.TaskId));
        Assert.Equal((away.Id, awayProject.Id), (open[1].WorkspaceId, open[1].ProjectId));
        Assert.Equal(new[] { sooner, later, noDue, done }.Order(), all.Select(t => t.Card.TaskId).Order());
        Assert.True(all.Single(t => t.Card.TaskId == done).Card.Completed);
    }

    [Fact]
    public async Task Given_projects_When_their_columns_are_read_without_cards_Then_members_get_them_in_board_order_and_others_nothing()
    {
        var member = Guid.NewGuid();
        var workspace = await TestWorkspace.CreateAsync(fixture.Log, "Columns", member);
        var first = await workspace.CreateProjectAsync("First");
        var second = await workspace.CreateProjectAsync("Second");
        await fixture.CaughtUpAsync();

        var columns = await fixture.Boards.ColumnsOfAsync(member, [first.Id, second.Id, Guid.NewGuid()]);
        var board = await fixture.Boards.GetAsync(member, first.Id);

        Assert.Equal(new[] { first.Id, second.Id }.Order(), columns.Keys.Order());
        Assert.Equal(board!.Columns.Select(c => (c.ColumnId, c.Name)), columns[first.Id].Select(c => (c.ColumnId, c.Name)));
        Assert.Equal(first.Columns, columns[first.Id].Select(c => c.ColumnId));
        Assert.Empty(await fixture.Boards.ColumnsOfAsync(Guid.NewGuid(), [first.Id]));
    }
}
