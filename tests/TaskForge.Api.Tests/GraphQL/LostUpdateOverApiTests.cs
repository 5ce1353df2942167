using TaskForge.Api.Tests.GraphQL.Support;

namespace TaskForge.Api.Tests.GraphQL;

/// <summary>Guarantee 1 through the API: two sessions editing one task from the same version never overwrite each other.</summary>
public sealed class LostUpdateOverApiTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    private const string Rename = """
        mutation($id: ID!, $title: String!, $v: Int) { renameTask(input: { taskId: $id, title: $title, expectedVersion: $v }) {
          task { title version } version errors { code message currentVersion } } }
        """;

    [Fact]
    public async Task Two_sessions_rename_from_the_same_version_and_the_second_gets_CONFLICT_with_the_current_version()
    {
        using var ada = await api.SignUpAsync("ada");
        var workspace = await ApiSeed.WorkspaceAsync(ada);
        var project = await ApiSeed.ProjectAsync(ada, workspace);
        var task = (await ApiSeed.TaskAsync(ada, project, "Draft")).GetProperty("task");
        var id = task.GetProperty("id").GetString();
        var seen = task.GetProperty("version").GetInt32();

        var first = (await ada.MutateAsync(Rename, new { id, title = "Ada's title", v = seen })).Payload("renameTask");
        var second = (await ada.MutateAsync(Rename, new { id, title = "Bob's title", v = seen })).Data("renameTask");

        Assert.Equal(seen + 1, first.GetProperty("task").GetProperty("version").GetInt32());
        var error = second.GetProperty("errors")[0];
        Assert.Equal("CONFLICT", error.GetProperty("code").GetString());
        Assert.Equal(seen + 1, error.GetProperty("currentVersion").GetInt32());
        var now = (await ada.QueryAsync("query($id: ID!) { task(id: $id) { title version } }", new { id })).Data("task");
        Assert.Equal("Ada's title", now.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_retried_idempotency_key_returns_the_first_result_and_a_reused_key_for_another_change_is_refused()
    {
        using var ada = await api.SignUpAsync("ada");
        var workspace = await ApiSeed.WorkspaceAsync(ada);
        var project = await ApiSeed.ProjectAsync(ada, workspace);
        const string Create = """
            mutation($p: ID!, $t: String!, $k: String) { createTask(input: { projectId: $p, title: $t, idempotencyKey: $k }) { task { id } eventId errors { code } } }
            """;

        var first = (await ada.MutateAsync(Create, new { p = project, t = "Once", k = "key-1" })).Payload("createTask");
        var retry = (await ada.MutateAsync(Create, new { p = project, t = "Once", k = "key-1" })).Payload("createTask");
        var reused = (await ada.MutateAsync(Create, new { p = project, t = "Another", k = "key-1" })).Data("createTask");

        Assert.Equal(first.GetProperty("task").GetProperty("id").GetString(), retry.GetProperty("task").GetProperty("id").GetString());
        Assert.Equal(first.GetProperty("eventId").GetString(), retry.GetProperty("eventId").GetString());
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", reused.GetProperty("errors")[0].GetProperty("code").GetString());
        var board = (await ada.QueryAsync("query($id: ID!) { project(id: $id) { board { columns { tasks { totalCount } } } } }", new { id = project })).Data("project");
        Assert.Equal(1, board.GetProperty("board").GetProperty("columns").EnumerateArray().Sum(c => c.GetProperty("tasks").GetProperty("totalCount").GetInt32()));
    }
}
