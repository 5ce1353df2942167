using Microsoft.Extensions.DependencyInjection;
using TaskForge.Api.Demo;
using TaskForge.Api.Tests.GraphQL.Support;

namespace TaskForge.Api.Tests.GraphQL;

public sealed class DemoFixture : ApiHostFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["TaskForge:Demo"] = "true" };
}

/// <summary>The --demo switch: a workspace a new user can sign in to and look around in.</summary>
public sealed class DemoTests(DemoFixture api) : IClassFixture<DemoFixture>
{
    [Fact]
    public async Task The_demo_user_signs_in_and_sees_the_seeded_board_with_comments_and_a_second_seed_changes_nothing()
    {
        var seeder = api.Factory.Services.GetRequiredService<DemoSeeder>();
        await seeder.SeedAsync();
        using var client = api.Anonymous();

        var login = (await client.MutateAsync("mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken user { id email } errors { code } } }",
            new { e = DemoSeeder.Users[0].Email, p = DemoSeeder.Password })).Payload("login");
        client.SignIn(login.GetProperty("accessToken").GetString()!, login.GetProperty("user").GetProperty("id").GetString()!, DemoSeeder.Users[0].Email);
        var workspaces = (await client.QueryAsync("""
            { workspaces { nodes { name members { totalCount } projects { nodes { id name } } } } }
            """)).Data("workspaces").GetProperty("nodes");
        var workspace = Assert.Single(workspaces.EnumerateArray());
        Assert.Equal(DemoSeeder.WorkspaceName, workspace.GetProperty("name").GetString());
        Assert.Equal(3, workspace.GetProperty("members").GetProperty("totalCount").GetInt32());
        var project = workspace.GetProperty("projects").GetProperty("nodes")[0];
        var board = (await client.QueryAsync("query($id: ID!) { project(id: $id) { board { columns { tasks { nodes { title commentCount assignees { name } } } } } } }",
            new { id = project.GetProperty("id").GetString() })).Data("project").GetProperty("board").GetProperty("columns");
        var tasks = board.EnumerateArray().SelectMany(c => c.GetProperty("tasks").GetProperty("nodes").EnumerateArray()).ToList();

        Assert.Equal(6, tasks.Count);
        Assert.Contains(tasks, t => t.GetProperty("commentCount").GetInt32() == 2);
        Assert.False(await seeder.SeedAsync());
    }
}
