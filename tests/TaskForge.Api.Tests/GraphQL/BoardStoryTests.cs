using System.Text.Json;
using TaskForge.Api.Tests.GraphQL.Support;

namespace TaskForge.Api.Tests.GraphQL;

/// <summary>A team's first afternoon, over HTTP against the real host: every step a web client would take.</summary>
public sealed class BoardStoryTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task Sign_up_invite_accept_plan_a_board_and_everyone_reads_what_they_should()
    {
        using var ada = await api.SignUpAsync("ada");
        using var bob = await api.SignUpAsync("bob");

        var workspace = (await ada.MutateAsync("""
            mutation { createWorkspace(input: { name: "Engine room" }) { workspace { id name role version eventId } eventId errors { code } } }
            """)).Payload("createWorkspace");
        var workspaceId = workspace.GetProperty("workspace").GetProperty("id").GetString();
        Assert.Equal("OWNER", workspace.GetProperty("workspace").GetProperty("role").GetString());
        Assert.Equal(1, workspace.GetProperty("workspace").GetProperty("version").GetInt32());

        var invited = (await ada.MutateAsync("""
            mutation($ws: ID!, $email: String!) { inviteMember(input: { workspaceId: $ws, email: $email, role: MEMBER }) {
              invitation { id email role } errors { code message } } }
            """, new { ws = workspaceId, email = bob.Email })).Payload("inviteMember");
        Assert.Equal(bob.Email, invited.GetProperty("invitation").GetProperty("email").GetString());

        var pending = (await bob.QueryAsync("{ me { invitations { id workspaceName role } } }")).Data("me").GetProperty("invitations");
        Assert.Equal("Engine room", pending[0].GetProperty("workspaceName").GetString());
        var accepted = (await bob.MutateAsync("""
            mutation($id: ID!) { acceptInvitation(input: { invitationId: $id }) { workspace { id role } errors { code message } } }
            """, new { id = pending[0].GetProperty("id").GetString() })).Payload("acceptInvitation");
        Assert.Equal("MEMBER", accepted.GetProperty("workspace").GetProperty("role").GetString());

        var project = (await ada.MutateAsync("""
            mutation($ws: ID!) { createProject(input: { workspaceId: $ws, name: "Warp drive" }) {
              project { id name board { columns { id name } } } errors { code message } } }
            """, new { ws = workspaceId })).Payload("createProject").GetProperty("project");
        var projectId = project.GetProperty("id").GetString();
        var columns = project.GetProperty("board").GetProperty("columns");
        Assert.Equal(["To do", "In progress", "In review", "Done"], columns.EnumerateArray().Select(c => c.GetProperty("name").GetString()));

        var first = await CreateTaskAsync(ada, projectId!, "Calibrate the injectors");
        var second = await CreateTaskAsync(ada, projectId!, "Polish the dilithium");
        var moved = (await ada.MutateAsync("""
            mutation($task: ID!, $column: ID!) { moveTask(input: { taskId: $task, columnId: $column }) {
              task { column { name } version } errors { code message } } }
            """, new { task = first, column = columns[1].GetProperty("id").GetString() })).Payload("moveTask");
        Assert.Equal("In progress", moved.GetProperty("task").GetProperty("column").GetProperty("name").GetString());

        var assigned = (await ada.MutateAsync("""
            mutation($task: ID!, $user: ID!) { assignTask(input: { taskId: $task, userId: $user }) { task { assignees { id email } } errors { code message } } }
            """, new { task = second, user = bob.UserId })).Payload("assignTask");
        Assert.Equal(bob.Email, assigned.GetProperty("task").GetProperty("assignees")[0].GetProperty("email").GetString());

        var commented = (await bob.MutateAsync("""
            mutation($task: ID!, $body: String!) { addComment(input: { taskId: $task, body: $body }) {
              comment { body author { email } mentions { email } } task { commentCount } eventId errors { code message } } }
            """, new { task = second, body = $"On it; I will ask @{ada.Email} about the dilithium." })).Payload("addComment");
        Assert.Equal(1, commented.GetProperty("task").GetProperty("commentCount").GetInt32());
        Assert.Equal(ada.Email, commented.GetProperty("comment").GetProperty("mentions")[0].GetProperty("email").GetString());
        var lastEventId = long.Parse(commented.GetProperty("eventId").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        foreach (var user in new[] { ada, bob })
        {
            var board = (await user.QueryAsync("""
                query($id: ID!) { project(id: $id) { board { columns { name tasks { nodes { title assignees { email } commentCount } } } } } }
                """, new { id = projectId }, minEventId: lastEventId)).Data("project").GetProperty("board").GetProperty("columns");
            Assert.Equal(["Polish the dilithium"], Titles(board[0]));
            Assert.Equal(["Calibrate the injectors"], Titles(board[1]));
            Assert.Equal(1, board[0].GetProperty("tasks").GetProperty("nodes")[0].GetProperty("commentCount").GetInt32());

            var feed = (await user.QueryAsync("{ feed(first: 50) { nodes { verb summary actor { email } target { id } } pageInfo { hasNextPage } } }", minEventId: lastEventId))
                .Data("feed").GetProperty("nodes");
            Assert.Contains(feed.EnumerateArray(), e => e.GetProperty("verb").GetString() == "commented");

            var search = (await user.QueryAsync("""
                query($ws: ID!) { search(workspaceId: $ws, query: "dilithium") { nodes { kind taskTitle task { id } } } }
                """, new { ws = workspaceId }, minEventId: lastEventId)).Data("search").GetProperty("nodes");
            Assert.Contains(search.EnumerateArray(), h => h.GetProperty("task").GetProperty("id").GetString() == second);
        }

        var adaInbox = (await ada.QueryAsync("{ unreadNotificationCount notifications(first: 10) { nodes { id kind summary read } unreadCount } }", minEventId: lastEventId));
        Assert.Contains(adaInbox.Data("notifications").GetProperty("nodes").EnumerateArray(), n => n.GetProperty("kind").GetString() == "mentioned");
        var bobInbox = (await bob.QueryAsync("{ unreadNotificationCount notifications(first: 10) { nodes { id kind } } }", minEventId: lastEventId));
        Assert.Contains(bobInbox.Data("notifications").GetProperty("nodes").EnumerateArray(), n => n.GetProperty("kind").GetString() == "assigned");
        var unread = bobInbox.Data("unreadNotificationCount").GetInt32();
        Assert.True(unread >= 1);

        var marked = (await bob.MutateAsync("mutation { markAllNotificationsRead(input: {}) { unreadNotificationCount errors { code message } } }"))
            .Payload("markAllNotificationsRead");
        Assert.Equal(0, marked.GetProperty("unreadNotificationCount").GetInt32());
    }

    private static async Task<string> CreateTaskAsync(GraphQLClient client, string projectId, string title)
    {
        var payload = (await client.MutateAsync("""
            mutation($project: ID!, $title: String!) { createTask(input: { projectId: $project, title: $title }) { task { id title version eventId } eventId errors { code message } } }
            """, new { project = projectId, title })).Payload("createTask");
        Assert.Equal(title, payload.GetProperty("task").GetProperty("title").GetString());
        Assert.Equal(payload.GetProperty("eventId").GetString(), payload.GetProperty("task").GetProperty("eventId").GetString());
        return payload.GetProperty("task").GetProperty("id").GetString()!;
    }

    private static IEnumerable<string?> Titles(JsonElement column) =>
        column.GetProperty("tasks").GetProperty("nodes").EnumerateArray().Select(t => t.GetProperty("title").GetString());
}
