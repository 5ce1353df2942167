using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TaskForge.Api.Tests.GraphQL.Support;
using TaskForge.Api.Tests.Interop.Support;
using Xunit.Abstractions;

namespace TaskForge.Api.Tests.Interop;

/// <summary>
/// Guarantee 7 over HTTP: hand-made bad requests, then hundreds of seeded random documents built from TaskForge's own
/// root fields. Every answer is a 4xx or a GraphQL error with a code — never a 5xx, never INTERNAL_SERVER_ERROR — the
/// server still answers a normal query afterwards, and a task committed before is there, unchanged.
/// </summary>
public sealed class BadInputFuzzTests(ApiHostFixture api, ITestOutputHelper output) : IClassFixture<ApiHostFixture>
{
    private const string TaskQuery = "query($id: ID!) { task(id: $id) { id title description priority labels version completed column { name } } }";

    [Fact]
    public async Task Hand_made_bad_requests_get_4xx_or_coded_GraphQL_errors_and_nothing_committed_is_lost()
    {
        var world = await World.CreateAsync(api);
        var cases = BadRequests.All(world).ToList();
        var failures = new List<string>();
        foreach (var (name, request, expectedStatus) in cases)
        {
            using var message = request();
            var verdict = await SendAsync(world.Fuzzer.Http, message);
            if (verdict.Problem is { } problem)
                failures.Add($"{name}: {problem}");
            else if (expectedStatus is { } status && verdict.Status != status)
                failures.Add($"{name}: expected {(int)status}, got {(int)verdict.Status}: {verdict.Body}");
            output.WriteLine($"{name}: {(int)verdict.Status} {Excerpt(verdict.Body)}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await world.AssertIntactAsync();
    }

    [Theory]
    [InlineData(20261202, 350)]
    [InlineData(9, 150)]
    public async Task Seeded_random_documents_from_the_real_schema_never_get_a_5xx_or_INTERNAL_SERVER_ERROR(int seed, int count)
    {
        var world = await World.CreateAsync(api);
        var introspection = await world.Fuzzer.QueryAsync(SchemaModel.IntrospectionQuery);
        var fuzzer = new DocumentFuzzer(SchemaModel.From(introspection.Data("__schema")), new Random(seed), world.Ids);
        var random = new Random(seed);
        var failures = new List<string>();
        var statuses = new Dictionary<string, int>();
        for (var i = 0; i < count; i++)
        {
            var request = fuzzer.Next();
            using var message = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent(JsonSerializer.Serialize(new { query = request.Document, variables = request.Variables }), Encoding.UTF8, "application/json"),
            };
            message.Headers.Accept.ParseAdd("application/graphql-response+json");
            // Mostly the fuzzing member, sometimes anonymous: both must be refused cleanly.
            var client = random.Next(8) == 0 ? world.Anonymous.Http : world.Fuzzer.Http;
            var verdict = await SendAsync(client, message);
            var key = verdict.Errors.Count > 0 ? $"{(int)verdict.Status} {string.Join(",", verdict.Errors.Distinct())}" : $"{(int)verdict.Status} data";
            statuses[key] = statuses.GetValueOrDefault(key) + 1;
            if (verdict.Problem is { } problem)
                failures.Add($"#{i} {request.Description}: {problem}\n  document: {Excerpt(request.Document)}\n  variables: {Excerpt(JsonSerializer.Serialize(request.Variables))}");
        }

        foreach (var (key, n) in statuses.OrderByDescending(s => s.Value))
            output.WriteLine($"{n,5} × {key}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} requests went wrong:\n" + string.Join("\n", failures.Take(15)));
        await world.AssertIntactAsync();
    }

    [Theory]
    [InlineData(3, "MAX_DEPTH_EXCEEDED")]
    [InlineData(20, "MAX_DEPTH_EXCEEDED")]
    [InlineData(60, "GRAPHQL_PARSE_FAILED")]
    public async Task A_query_deeper_than_12_through_the_board_is_refused_before_it_runs(int rounds, string code)
    {
        var world = await World.CreateAsync(api);

        var deep = await world.Owner.QueryAsync(BadRequests.DeepThroughTheBoard(world.GuardedTaskId, rounds));
        var allowed = await world.Owner.QueryAsync(BadRequests.DeepThroughTheBoard(world.GuardedTaskId, 2));

        Assert.True(deep.HasErrors && !deep.Body.TryGetProperty("data", out _), deep.Text);
        Assert.Equal(code, deep.ErrorCode());
        Assert.False(allowed.HasErrors, allowed.Text);
        await world.AssertIntactAsync();
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("5")]
    [InlineData("../../etc/passwd")]
    [InlineData("a@example.com")]
    public async Task Bug_an_id_that_is_not_base64url_is_a_VALIDATION_error_not_INTERNAL_SERVER_ERROR(string id)
    {
        using var user = await api.SignUpAsync("ids");

        var query = await user.QueryAsync("query($id: ID!) { task(id: $id) { id } }", new { id });
        var mutation = await user.MutateAsync("mutation($id: ID!) { renameTask(input: { taskId: $id, title: \"t\" }) { errors { code } } }", new { id });

        Assert.True(query.Status == HttpStatusCode.OK && query.ErrorCode() == "VALIDATION", query.Text);
        // A mutation reports bad input in its payload (errors { code }), as it does every expected failure.
        Assert.True(mutation.Status == HttpStatusCode.OK && !mutation.HasErrors, mutation.Text);
        Assert.Equal("VALIDATION", mutation.Data("renameTask").GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("{ workspaces(after: \"NaN\") { totalCount } }")]
    [InlineData("{ notifications(after: \"<script>\") { unreadCount } }")]
    [InlineData("{ feed(after: \"a@example.com\") { pageInfo { hasNextPage } } }")]
    public async Task Bug_an_after_cursor_that_is_not_base64url_is_a_VALIDATION_error_not_INTERNAL_SERVER_ERROR(string document)
    {
        using var user = await api.SignUpAsync("cursors");

        var response = await user.QueryAsync(document);

        Assert.True(response.Status == HttpStatusCode.OK && response.ErrorCode() == "VALIDATION", response.Text);
    }

    private sealed record Verdict(HttpStatusCode Status, string Body, IReadOnlyList<string> Errors, string? Problem);

    /// <summary>Sends and judges: a problem is a 5xx, an unparseable 2xx, an error without a code, or INTERNAL_SERVER_ERROR.</summary>
    private static async Task<Verdict> SendAsync(HttpClient client, HttpRequestMessage message)
    {
        using var response = await client.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        var status = response.StatusCode;
        if ((int)status >= 500)
            return new Verdict(status, body, [], $"HTTP {(int)status}: {Excerpt(body)}");
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return new Verdict(status, body, [], (int)status >= 400 ? null : $"HTTP {(int)status} with a body that is not JSON: {Excerpt(body)}");
        }

        using (json)
        {
            var codes = new List<string>();
            string? problem = null;
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("errors", out var errors))
            {
                foreach (var error in errors.EnumerateArray())
                {
                    var code = error.TryGetProperty("extensions", out var ext) && ext.TryGetProperty("code", out var c) ? c.GetString() : null;
                    codes.Add(code ?? "(none)");
                    if (code is null or "INTERNAL_SERVER_ERROR")
                        problem = $"HTTP {(int)status}, error {code ?? "without a code"}: {Excerpt(error.GetRawText())}";
                }
            }
            else if ((int)status >= 400)
            {
                codes.Add("(no GraphQL body)");
            }

            return new Verdict(status, body, codes, problem);
        }
    }

    private static string Excerpt(string? text) => text is null ? "" : text.Length <= 300 ? text : text[..300] + $"… ({text.Length} chars)";

    /// <summary>
    /// Two users: the owner has a workspace, project and a guarded task (never touched by the fuzzing); the fuzzer has its
    /// own workspace and project, and knows every id of both (so it tries the owner's ids, ids of the wrong kind, and its own).
    /// </summary>
    internal sealed class World
    {
        private JsonElement _guardedBefore;

        public required GraphQLClient Owner { get; init; }

        public required GraphQLClient Fuzzer { get; init; }

        public required GraphQLClient Anonymous { get; init; }

        public required string GuardedTaskId { get; init; }

        public required string OwnProjectId { get; init; }

        public required string OwnTaskId { get; init; }

        public required IReadOnlyList<string> Ids { get; init; }

        public static async Task<World> CreateAsync(ApiHostFixture api)
        {
            var owner = await api.SignUpAsync("owner");
            var workspace = await ApiSeed.WorkspaceAsync(owner, "Owner's");
            var project = await ApiSeed.ProjectAsync(owner, workspace, "Owner's project");
            var guarded = (await ApiSeed.TaskAsync(owner, project, "Guarded task", labels: ["keep"])).GetProperty("task").GetProperty("id").GetString()!;
            var fuzzer = await api.SignUpAsync("fuzzer");
            var ownWorkspace = await ApiSeed.WorkspaceAsync(fuzzer, "Fuzzer's");
            var ownProject = await ApiSeed.ProjectAsync(fuzzer, ownWorkspace, "Fuzzer's project");
            var ownTask = (await ApiSeed.TaskAsync(fuzzer, ownProject, "Fuzzer's task")).GetProperty("task").GetProperty("id").GetString()!;
            var world = new World
            {
                Owner = owner,
                Fuzzer = fuzzer,
                Anonymous = api.Anonymous(),
                GuardedTaskId = guarded,
                OwnProjectId = ownProject,
                OwnTaskId = ownTask,
                Ids = [workspace, project, guarded, owner.UserId!, ownWorkspace, ownProject, ownTask, fuzzer.UserId!],
            };
            world._guardedBefore = await world.GuardedAsync();
            return world;
        }

        public async Task<JsonElement> GuardedAsync() => (await Owner.QueryAsync(TaskQuery, new { id = GuardedTaskId })).Data("task").Clone();

        /// <summary>The server still answers normal queries, and the guarded task is exactly as it was.</summary>
        public async Task AssertIntactAsync()
        {
            Assert.Equal(Owner.Email, (await Owner.QueryAsync("{ me { email } }")).Data("me").GetProperty("email").GetString());
            Assert.Equal("Query", (await Anonymous.QueryAsync("{ __typename }")).Data("__typename").GetString());
            var after = await GuardedAsync();
            Assert.Equal(_guardedBefore.GetRawText(), after.GetRawText());
        }
    }
}
