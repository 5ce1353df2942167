using System.Text.Json;
using TaskForge.Api.Tests.GraphQL.Support;

namespace TaskForge.Api.Tests.GraphQL;

/// <summary>
/// A mutation whose selection asks only for eventId, version and errors skips reading the changed object back, and
/// still answers only once the read models have the change; any other selection, fragments included, gets the object.
/// </summary>
public sealed class PayloadSelectionTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task Selecting_only_the_event_id_still_waits_for_the_read_models()
    {
        using var ada = await api.SignUpAsync("ada");
        var project = await ApiSeed.ProjectAsync(ada, await ApiSeed.WorkspaceAsync(ada));

        var payload = (await ada.MutateAsync("""
            mutation($p: ID!) { createTask(input: { projectId: $p, title: "Lean payload" }) { __typename eventId version errors { code } } }
            """, new { p = project })).Payload("createTask");

        Assert.True(ApiSeed.EventId(payload) > 0);
        Assert.Equal(0, payload.GetProperty("errors").GetArrayLength());
        Assert.Equal("TaskPayload", payload.GetProperty("__typename").GetString());
        // No minEventId: the mutation's answer alone promises that the board has the task.
        var board = (await ada.QueryAsync("query($id: ID!) { project(id: $id) { board { columns { tasks { nodes { title } } } } } }", new { id = project }))
            .Data("project").GetProperty("board").GetProperty("columns");
        Assert.Contains(board.EnumerateArray().SelectMany(c => c.GetProperty("tasks").GetProperty("nodes").EnumerateArray()),
            t => t.GetProperty("title").GetString() == "Lean payload");
    }

    [Theory]
    [InlineData("task { title }")]
    [InlineData("... on TaskPayload { task { title } }")]
    [InlineData("...Changed")]
    public async Task Any_selection_of_the_object_gets_it(string selection)
    {
        using var ada = await api.SignUpAsync("ada");
        var project = await ApiSeed.ProjectAsync(ada, await ApiSeed.WorkspaceAsync(ada));
        var fragment = selection == "...Changed" ? " fragment Changed on TaskPayload { task { title } }" : "";

        var payload = (await ada.MutateAsync($$"""
            mutation($p: ID!) { createTask(input: { projectId: $p, title: "Full payload" }) { eventId errors { code } {{selection}} } }{{fragment}}
            """, new { p = project })).Payload("createTask");

        Assert.Equal("Full payload", payload.GetProperty("task").GetProperty("title").GetString());
    }
}
