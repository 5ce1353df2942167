using System.Globalization;
using System.Text.Json;
using TaskForge.Api.Tests.GraphQL.Support;

namespace TaskForge.Api.Tests.Realtime;

/// <summary>
/// A client finds the object a realtime event is about: the GUIDs an event carries (workspaceId, projectId, taskId,
/// actorId, the ids in data) are the <c>uuid</c> of the objects it queried, so it can key its cache on them.
/// </summary>
public sealed class EventIdsAndObjectsTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task Every_guid_of_a_realtime_event_is_the_uuid_of_an_object_graphql_returns()
    {
        using var owner = await fixture.SignUpAsync("uuid-owner");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        var project = await ApiSeed.ProjectAsync(owner, workspace);
        var before = ApiSeed.EventId(await ApiSeed.TaskAsync(owner, project, "before"));

        var client = await HubClient.ConnectAsync(fixture.Factory.Server, owner.AccessToken!);
        await client.SubscribeAsync([$"workspace:{workspace}"], before.ToString(CultureInfo.InvariantCulture));
        var task = (await owner.MutateAsync("mutation($p: ID!) { createTask(input: { projectId: $p, title: \"Keyed\" }) { task { id } eventId errors { code } } }", new { p = project }))
            .Payload("createTask");
        var taskId = task.GetProperty("task").GetProperty("id").GetString();
        var comment = (await owner.MutateAsync("mutation($t: ID!) { addComment(input: { taskId: $t, body: \"First\" }) { eventId errors { code } } }", new { t = taskId }))
            .Payload("addComment");
        var commented = ApiSeed.EventId(comment);
        await client.UntilAsync(c => c.Ids.Contains(commented), "the comment's event");
        var created = client.Events.Single(e => e.GetProperty("type").GetString() == "TaskCreated");
        var added = client.Events.Single(e => e.GetProperty("type").GetString() == "CommentAdded");

        var read = await owner.QueryAsync("""
            query($p: ID!, $t: ID!) {
              me { uuid }
              project(id: $p) { uuid workspace { uuid } board { columns { uuid } } }
              task(id: $t) { uuid column { uuid } comments { nodes { uuid } } }
            }
            """, new { p = project, t = taskId }, commented);
        string Uuid(JsonElement element) => element.GetProperty("uuid").GetString()!;
        var me = read.Data("me");
        var projectObject = read.Data("project");
        var taskObject = read.Data("task");

        Assert.Equal(Uuid(taskObject), created.GetProperty("taskId").GetString());
        Assert.Equal(Uuid(projectObject), created.GetProperty("projectId").GetString());
        Assert.Equal(Uuid(projectObject.GetProperty("workspace")), created.GetProperty("workspaceId").GetString());
        Assert.Equal(Uuid(me), created.GetProperty("actorId").GetString());
        Assert.Equal(Uuid(taskObject.GetProperty("column")), created.GetProperty("data").GetProperty("columnId").GetString());
        Assert.Contains(Uuid(taskObject.GetProperty("column")), projectObject.GetProperty("board").GetProperty("columns").EnumerateArray().Select(Uuid));
        Assert.Equal(Uuid(taskObject.GetProperty("comments").GetProperty("nodes")[0]), added.GetProperty("data").GetProperty("commentId").GetString());
        Assert.Equal(Uuid(me), added.GetProperty("data").GetProperty("authorId").GetString());

        // The uuid is also a scope the hub takes.
        var byUuid = await client.SubscribeAsync([$"task:{Uuid(taskObject)}"], before.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(JsonValueKind.String, byUuid.GetProperty("subscriptionId").ValueKind);
        await client.DisposeAsync();
    }
}
