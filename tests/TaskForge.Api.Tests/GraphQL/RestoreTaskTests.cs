using System.Text.Json;
using TaskForge.Api.Tests.GraphQL.Support;

namespace TaskForge.Api.Tests.GraphQL;

/// <summary><c>restoreTask</c> undoes <c>deleteTask</c> over the API: the task is back on its board with its comments (ADR 0140).</summary>
public sealed class RestoreTaskTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    private const string Restore = """
        mutation($id: ID!) { restoreTask(input: { taskId: $id }) { task { id title comments { totalCount } column { name } } eventId errors { code message } } }
        """;

    [Fact]
    public async Task Given_a_deleted_task_When_a_member_restores_it_Then_it_is_back_on_the_board_with_its_comments()
    {
        using var ada = await api.SignUpAsync("ada");
        var workspace = await ApiSeed.WorkspaceAsync(ada);
        var project = await ApiSeed.ProjectAsync(ada, workspace);
        var taskId = (await ApiSeed.TaskAsync(ada, project, "Book the venue")).GetProperty("task").GetProperty("id").GetString()!;
        await ada.MutateAsync("mutation($id: ID!) { addComment(input: { taskId: $id, body: \"Two options\" }) { errors { code } } }", new { id = taskId });
        var deleted = (await ada.MutateAsync("mutation($id: ID!) { deleteTask(input: { taskId: $id }) { task { id } eventId errors { code } } }", new { id = taskId })).Payload("deleteTask");
        var whileDeleted = await ada.QueryAsync("query($id: ID!) { task(id: $id) { id } }", new { id = taskId }, minEventId: ApiSeed.EventId(deleted));

        var restored = (await ada.MutateAsync(Restore, new { id = taskId })).Payload("restoreTask");
        var again = (await ada.MutateAsync(Restore, new { id = taskId })).Payload("restoreTask");
        var board = (await ada.QueryAsync("query($p: ID!) { project(id: $p) { board { columns { name tasks { nodes { id title } } } } } }",
            new { p = project })).Data("project").GetProperty("board").GetProperty("columns");

        Assert.Equal(JsonValueKind.Null, whileDeleted.Data("task").ValueKind);
        var task = restored.GetProperty("task");
        Assert.Equal(("Book the venue", 1, "To do"), (task.GetProperty("title").GetString(),
            task.GetProperty("comments").GetProperty("totalCount").GetInt32(), task.GetProperty("column").GetProperty("name").GetString()));
        Assert.True(ApiSeed.EventId(restored) > ApiSeed.EventId(deleted));
        Assert.Equal(0, again.GetProperty("errors").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, again.GetProperty("eventId").ValueKind);
        Assert.Equal([taskId], board[0].GetProperty("tasks").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Given_a_deleted_task_When_a_viewer_or_a_stranger_restores_it_Then_FORBIDDEN_and_NOT_FOUND()
    {
        using var ada = await api.SignUpAsync("ada");
        using var vic = await api.SignUpAsync("vic");
        using var eve = await api.SignUpAsync("eve");
        var workspace = await ApiSeed.WorkspaceAsync(ada);
        await ApiSeed.JoinAsync(ada, workspace, vic, "VIEWER");
        var project = await ApiSeed.ProjectAsync(ada, workspace);
        var taskId = (await ApiSeed.TaskAsync(ada, project, "Gone")).GetProperty("task").GetProperty("id").GetString()!;
        await ada.MutateAsync("mutation($id: ID!) { deleteTask(input: { taskId: $id }) { errors { code } } }", new { id = taskId });

        var byViewer = (await vic.MutateAsync(Restore, new { id = taskId })).Data("restoreTask");
        var byStranger = (await eve.MutateAsync(Restore, new { id = taskId })).Data("restoreTask");

        Assert.Equal("FORBIDDEN", byViewer.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("NOT_FOUND", byStranger.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Given_deleted_tasks_When_a_member_lists_a_projects_deleted_tasks_Then_the_latest_comes_first_and_restoring_takes_it_off()
    {
        using var ada = await api.SignUpAsync("ada");
        using var bob = await api.SignUpAsync("bob");
        using var eve = await api.SignUpAsync("eve");
        var workspace = await ApiSeed.WorkspaceAsync(ada);
        await ApiSeed.JoinAsync(ada, workspace, bob);
        var project = await ApiSeed.ProjectAsync(ada, workspace);
        var first = (await ApiSeed.TaskAsync(ada, project, "First")).GetProperty("task").GetProperty("id").GetString()!;
        var second = (await ApiSeed.TaskAsync(ada, project, "Second")).GetProperty("task").GetProperty("id").GetString()!;
        await ada.MutateAsync("mutation($id: ID!) { deleteTask(input: { taskId: $id }) { errors { code } } }", new { id = first });
        var last = (await bob.MutateAsync("mutation($id: ID!) { deleteTask(input: { taskId: $id }) { eventId errors { code } } }", new { id = second })).Payload("deleteTask");
        const string List = "query($p: ID!) { project(id: $p) { deletedTasks { nodes { id title deletedBy { name } deletedAt eventId } } } }";

        var trash = (await bob.QueryAsync(List, new { p = project }, minEventId: ApiSeed.EventId(last))).Data("project").GetProperty("deletedTasks").GetProperty("nodes");
        var restored = (await bob.MutateAsync(Restore, new { id = trash[1].GetProperty("id").GetString() })).Payload("restoreTask");
        var after = (await bob.QueryAsync(List, new { p = project }, minEventId: ApiSeed.EventId(restored))).Data("project").GetProperty("deletedTasks").GetProperty("nodes");
        var stranger = await eve.QueryAsync(List, new { p = project });

        Assert.Equal([second, first], trash.EnumerateArray().Select(n => n.GetProperty("id").GetString()));
        Assert.Equal(("Second", "bob", ApiSeed.EventId(last).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (trash[0].GetProperty("title").GetString(), trash[0].GetProperty("deletedBy").GetProperty("name").GetString(), trash[0].GetProperty("eventId").GetString()));
        Assert.Equal("First", restored.GetProperty("task").GetProperty("title").GetString());
        Assert.Equal([second], after.EnumerateArray().Select(n => n.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Null, stranger.Data("project").ValueKind);
    }

    [Fact]
    public async Task Given_a_feed_entry_of_a_deleted_task_Then_its_target_uuid_finds_the_task_to_restore()
    {
        using var ada = await api.SignUpAsync("ada");
        var project = await ApiSeed.ProjectAsync(ada, await ApiSeed.WorkspaceAsync(ada));
        var taskId = (await ApiSeed.TaskAsync(ada, project, "Undo me")).GetProperty("task").GetProperty("id").GetString()!;
        var deleted = (await ada.MutateAsync("mutation($id: ID!) { deleteTask(input: { taskId: $id }) { eventId errors { code } } }", new { id = taskId })).Payload("deleteTask");

        // As an activity feed with an "undo" button reads it: the entry's target is gone, its uuid is not.
        var read = await ada.QueryAsync("""
            query($p: ID!) {
              feed(first: 5) { nodes { eventId verb target { id } targetUuid } }
              project(id: $p) { deletedTasks { nodes { id uuid } } }
            }
            """, new { p = project }, ApiSeed.EventId(deleted));
        var entry = read.Data("feed").GetProperty("nodes").EnumerateArray().Single(e => e.GetProperty("eventId").GetString() == deleted.GetProperty("eventId").GetString());
        var candidates = read.Data("project").GetProperty("deletedTasks").GetProperty("nodes").EnumerateArray();

        Assert.Equal(JsonValueKind.Null, entry.GetProperty("target").ValueKind);
        var match = candidates.Single(t => t.GetProperty("uuid").GetString() == entry.GetProperty("targetUuid").GetString());
        Assert.Equal(taskId, match.GetProperty("id").GetString());
        var restored = (await ada.MutateAsync(Restore, new { id = match.GetProperty("id").GetString() })).Payload("restoreTask");
        Assert.Equal("Undo me", restored.GetProperty("task").GetProperty("title").GetString());
    }
}
