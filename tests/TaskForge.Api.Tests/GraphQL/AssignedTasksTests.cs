using TaskForge.Api.Tests.GraphQL.Support;

namespace TaskForge.Api.Tests.GraphQL;

/// <summary>A "my work" view: <c>me { assignedTasks }</c> over every workspace the caller belongs to.</summary>
public sealed class AssignedTasksTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task Given_tasks_assigned_in_two_workspaces_When_the_assignee_asks_Then_they_come_in_pages_soonest_due_first_with_their_boards()
    {
        using var ada = await api.SignUpAsync("ada");
        using var bob = await api.SignUpAsync("bob");
        var first = await ApiSeed.WorkspaceAsync(ada, "First");
        var second = await ApiSeed.WorkspaceAsync(ada, "Second");
        await ApiSeed.JoinAsync(ada, first, bob);
        await ApiSeed.JoinAsync(ada, second, bob);
        var firstProject = await ApiSeed.ProjectAsync(ada, first, "Alpha");
        var secondProject = await ApiSeed.ProjectAsync(ada, second, "Beta");
        var due = DateTimeOffset.UtcNow.AddDays(2).ToString("O");
        await CreateAsync(ada, firstProject, "Later, no date", bob.UserId!, null);
        await CreateAsync(ada, secondProject, "Due soon", bob.UserId!, due);
        var last = await CreateAsync(ada, firstProject, "Not for bob", ada.UserId!, null);

        var page = (await bob.QueryAsync("""
            { me { assignedTasks(first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { title project { name } column { name } } } } }
            """, minEventId: last)).Data("me").GetProperty("assignedTasks");
        var next = (await bob.QueryAsync("""
            query($after: String) { me { assignedTasks(first: 1, after: $after) { pageInfo { hasNextPage } nodes { title } } } }
            """, new { after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString() })).Data("me").GetProperty("assignedTasks");

        Assert.Equal(2, page.GetProperty("totalCount").GetInt32());
        var soon = page.GetProperty("nodes")[0];
        Assert.Equal(("Due soon", "Beta", "To do"), (soon.GetProperty("title").GetString(),
            soon.GetProperty("project").GetProperty("name").GetString(), soon.GetProperty("column").GetProperty("name").GetString()));
        Assert.True(page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal("Later, no date", next.GetProperty("nodes")[0].GetProperty("title").GetString());
        Assert.False(next.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task Given_a_task_When_its_column_is_asked_Then_the_name_comes_without_the_cards_and_the_cards_when_asked()
    {
        using var ada = await api.SignUpAsync("ada");
        var workspace = await ApiSeed.WorkspaceAsync(ada, "Columns");
        var project = await ApiSeed.ProjectAsync(ada, workspace, "Gamma");
        await CreateAsync(ada, project, "One", ada.UserId!, null);
        var last = await CreateAsync(ada, project, "Two", ada.UserId!, null);

        var tasks = (await ada.QueryAsync("""
            { me { assignedTasks { nodes { title column { id name tasks { totalCount nodes { title } } } } } } }
            """, minEventId: last)).Data("me").GetProperty("assignedTasks").GetProperty("nodes");

        Assert.Equal(2, tasks.GetArrayLength());
        Assert.All(tasks.EnumerateArray(), t =>
        {
            var column = t.GetProperty("column");
            Assert.Equal("To do", column.GetProperty("name").GetString());
            Assert.Equal(2, column.GetProperty("tasks").GetProperty("totalCount").GetInt32());
        });
        var columnId = tasks[0].GetProperty("column").GetProperty("id").GetString();
        var node = (await ada.QueryAsync("query($id: ID!) { node(id: $id) { ... on Column { name tasks { totalCount } } } }", new { id = columnId })).Data("node");
        Assert.Equal(("To do", 2), (node.GetProperty("name").GetString(), node.GetProperty("tasks").GetProperty("totalCount").GetInt32()));
    }

    private static async Task<long> CreateAsync(GraphQLClient client, string projectId, string title, string assignee, string? dueDate) =>
        ApiSeed.EventId((await client.MutateAsync("""
            mutation($input: CreateTaskInput!) { createTask(input: $input) { eventId errors { code message } } }
            """, new { input = new { projectId, title, assigneeIds = new[] { assignee }, dueDate } })).Payload("createTask"));
}
