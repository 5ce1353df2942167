using System.Text.Json;
using Xunit.Abstractions;
using TaskForge.Api.Tests.Interop.Support;

namespace TaskForge.Api.Tests.Interop;

/// <summary>
/// A real JavaScript client, urql's core client (@urql/core 6, what urql 5 is built on), run by node against TaskForge
/// over TCP: the sign-up-to-board story of a web app, every step checked from what the script printed.
/// </summary>
/// <remarks>
/// urql's default Accept lists application/graphql-response+json first and text/event-stream later; the engine serves
/// any request accepting text/event-stream as graphql-sse, so urql gets each one-shot result as an event stream (which it
/// reads correctly). The script counts the AbortErrors urql's teardown of those streams raises under Node.
/// </remarks>
public sealed class UrqlClientTests(KestrelApiHostFixture api, ITestOutputHelper log) : IClassFixture<KestrelApiHostFixture>
{
    [Fact]
    public async Task Urql_signs_up_creates_a_workspace_a_project_and_a_task_and_reads_them_on_the_board_and_me()
    {
        using var output = JsonDocument.Parse(await JsClients.RunAsync("urql-client.mjs", [api.Url.ToString()]));
        var root = output.RootElement;
        Assert.False(root.TryGetProperty("failedAt", out _), root.GetRawText());
        var steps = root.GetProperty("steps");
        JsonElement Data(string step) => steps.GetProperty(step).GetProperty("data");

        var register = Data("register").GetProperty("register");
        Assert.Equal(0, register.GetProperty("errors").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(register.GetProperty("accessToken").GetString()));
        Assert.False(string.IsNullOrEmpty(register.GetProperty("refreshToken").GetString()));
        var userId = register.GetProperty("user").GetProperty("id").GetString();
        foreach (var (step, field) in new[] { ("createWorkspace", "createWorkspace"), ("createProject", "createProject"), ("createTask", "createTask") })
            Assert.True(Data(step).GetProperty(field).GetProperty("errors").GetArrayLength() == 0, root.GetRawText());
        var taskId = Data("createTask").GetProperty("createTask").GetProperty("task").GetProperty("id").GetString();

        var project = Data("board").GetProperty("project");
        Assert.Equal("Urql project", project.GetProperty("name").GetString());
        var columns = project.GetProperty("board").GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal(["To do", "In progress", "In review", "Done"], columns.Select(c => c.GetProperty("name").GetString()));
        var onBoard = Assert.Single(columns.SelectMany(c => c.GetProperty("tasks").GetProperty("nodes").EnumerateArray()));
        Assert.Equal((taskId, "Written by urql"), (onBoard.GetProperty("id").GetString(), onBoard.GetProperty("title").GetString()));
        Assert.Single(columns[0].GetProperty("tasks").GetProperty("nodes").EnumerateArray());

        var me = Data("me").GetProperty("me");
        Assert.Equal((userId, root.GetProperty("email").GetString(), "Urql User"),
            (me.GetProperty("id").GetString(), me.GetProperty("email").GetString(), me.GetProperty("name").GetString()));

        // urql spoke GraphQL over HTTP to the real port: one POST per step, each answered 200 with a GraphQL response.
        var requests = root.GetProperty("requests").EnumerateArray().ToList();
        Assert.Equal(["Register", "CreateWorkspace", "CreateProject", "CreateTask", "Board", "Me"], requests.Select(r => r.GetProperty("operation").GetString()));
        Assert.All(requests, r => Assert.Equal(200, r.GetProperty("status").GetInt32()));
        Assert.All(requests, r => Assert.Matches("^(application/graphql-response\\+json|application/json|text/event-stream)", r.GetProperty("contentType").GetString()));
        foreach (var request in requests)
            log.WriteLine($"{request.GetProperty("operation")}: {request.GetProperty("status")} {request.GetProperty("contentType")} (Accept: {request.GetProperty("accept")})");
        log.WriteLine($"event streams urql aborted after their result: {root.GetProperty("abortedStreams")}");
    }
}
