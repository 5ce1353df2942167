using System.Text.Json;
using TaskForge.Api.Tests.GraphQL.Support;

namespace TaskForge.Api.Tests.GraphQL;

/// <summary>A form shows a payload error beside the input it is about: bad input names its input field, other errors none.</summary>
public sealed class MutationErrorFieldTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    private const string CreateTask = """
        mutation($project: ID!, $title: String!, $labels: [String!], $assignees: [ID!]) {
          createTask(input: { projectId: $project, title: $title, labels: $labels, assigneeIds: $assignees }) {
            task { id } errors { code message field } } }
        """;

    [Fact]
    public async Task Bad_input_found_by_the_domain_names_the_input_field_it_is_about()
    {
        using var ada = await api.SignUpAsync("ada");
        using var outsider = await api.SignUpAsync("outsider");
        var workspace = await ApiSeed.WorkspaceAsync(ada);
        var project = await ApiSeed.ProjectAsync(ada, workspace);

        Assert.Equal(("VALIDATION", "title"), Error(await ada.MutateAsync(CreateTask, new { project, title = "   " }), "createTask"));
        Assert.Equal(("VALIDATION", "labels"), Error(await ada.MutateAsync(CreateTask, new { project, title = "Ok", labels = new[] { "ok", "" } }), "createTask"));
        Assert.Equal(("NOT_A_MEMBER", "assigneeIds"),
            Error(await ada.MutateAsync(CreateTask, new { project, title = "Ok", assignees = new[] { outsider.UserId } }), "createTask"));
        Assert.Equal(("VALIDATION", "email"), Error(await ada.MutateAsync("""
            mutation($ws: ID!) { inviteMember(input: { workspaceId: $ws, email: "not an address", role: MEMBER }) { errors { code message field } } }
            """, new { ws = workspace }), "inviteMember"));
        Assert.Equal(("VALIDATION", "name"), Error(await ada.MutateAsync("""
            mutation($p: ID!) { addColumn(input: { projectId: $p, name: "" }) { errors { code message field } } }
            """, new { p = project }), "addColumn"));
    }

    [Fact]
    public async Task A_conflict_is_about_no_one_field()
    {
        using var ada = await api.SignUpAsync("ada");
        var workspace = await ApiSeed.WorkspaceAsync(ada);
        var project = await ApiSeed.ProjectAsync(ada, workspace);
        var task = (await ApiSeed.TaskAsync(ada, project, "First")).GetProperty("task").GetProperty("id").GetString();

        var stale = await ada.MutateAsync("""
            mutation($t: ID!) { renameTask(input: { taskId: $t, title: "Second", expectedVersion: 0 }) { errors { code message field currentVersion } } }
            """, new { t = task });

        Assert.Equal(("CONFLICT", null), Error(stale, "renameTask"));
    }

    private static (string? Code, string? Field) Error(GraphQLResponse response, string mutation)
    {
        var error = Assert.Single(response.Data(mutation).GetProperty("errors").EnumerateArray());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        var field = error.GetProperty("field");
        return (error.GetProperty("code").GetString(), field.ValueKind == JsonValueKind.Null ? null : field.GetString());
    }
}
