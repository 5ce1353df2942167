using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace TaskForge.Api.Tests.Interop;

/// <summary>The hand-made bad requests of <see cref="BadInputFuzzTests"/>: each a name, a request and, where it is fixed, its status.</summary>
internal static class BadRequests
{
    private const string CreateTask = "mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } errors { code message field } } }";

    public static IEnumerable<(string Name, Func<HttpRequestMessage> Request, HttpStatusCode? Status)> All(BadInputFuzzTests.World world)
    {
        var project = world.OwnProjectId;
        var random = new Random(12);

        // Malformed bodies.
        yield return ("truncated JSON", () => Raw("{\"query\": \"{ __typename }\""), HttpStatusCode.BadRequest);
        yield return ("not JSON", () => Raw("query { __typename }"), HttpStatusCode.BadRequest);
        yield return ("JSON array of garbage", () => Raw("[1, 2, 3]"), null);
        yield return ("empty JSON array", () => Raw("[]"), null);
        yield return ("query is a number", () => Raw("{\"query\": 5}"), HttpStatusCode.BadRequest);
        yield return ("query is null", () => Raw("{\"query\": null}"), HttpStatusCode.BadRequest);
        yield return ("no query", () => Raw("{\"variables\": {}}"), HttpStatusCode.BadRequest);
        yield return ("variables is a string", () => Raw("{\"query\": \"{ __typename }\", \"variables\": \"oops\"}"), HttpStatusCode.BadRequest);
        yield return ("extensions is a number", () => Raw("{\"query\": \"{ __typename }\", \"extensions\": 1}"), HttpStatusCode.BadRequest);
        yield return ("operationName is an object", () => Raw("{\"query\": \"{ __typename }\", \"operationName\": {}}"), HttpStatusCode.BadRequest);
        yield return ("empty body", () => Raw(""), HttpStatusCode.BadRequest);
        yield return ("UTF-8 BOM and nul bytes", () => Raw("\uFEFF{\"query\": \"{ __typename \u0000 }\"}"), null);
        yield return ("invalid UTF-8", () => Bytes([0x7B, 0x22, 0x71, 0xC3, 0x28, 0xFF, 0xFE, 0x7D]), HttpStatusCode.BadRequest);
        yield return ("text/plain body", () => Raw("{\"query\": \"{ __typename }\"}", "text/plain"), HttpStatusCode.UnsupportedMediaType);
        yield return ("JSON nested 10,000 deep", () => Raw(new string('[', 10_000) + new string(']', 10_000)), HttpStatusCode.BadRequest);
        yield return ("variables nested 5,000 deep", () => Raw("{\"query\": \"{ __typename }\", \"variables\": {\"a\": " + new string('[', 5_000) + new string(']', 5_000) + "}}"), null);
        for (var i = 0; i < 5; i++)
        {
            var bytes = new byte[random.Next(1, 4_000)];
            random.NextBytes(bytes);
            yield return ($"random bytes #{i}", () => Bytes(bytes), null);
        }

        yield return ("random bytes in a GET query string", () => new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%FF%FE%00%7B&variables=%7B%7B"), null);

        // Input that does not fit the schema.
        yield return ("unknown field in an input object", () => Post(CreateTask, new { input = new { projectId = project, title = "x", bogus = 1 } }), null);
        yield return ("unknown field in an inline input", () => Post($$"""mutation { createTask(input: { projectId: "{{project}}", title: "x", bogus: 1 }) { task { id } } }"""), null);
        yield return ("input is a string", () => Post(CreateTask, new { input = "a string" }), null);
        yield return ("title is a list", () => Post(CreateTask, new { input = new { projectId = project, title = new[] { "a" } } }), null);
        yield return ("projectId is a number", () => Post(CreateTask, new { input = new { projectId = 5, title = "x" } }), null);
        yield return ("priority not an enum value", () => Post(CreateTask, new { input = new { projectId = project, title = "x", priority = "EXTREME" } }), null);
        yield return ("dueDate not a date", () => Post(CreateTask, new { input = new { projectId = project, title = "x", dueDate = "tomorrow-ish" } }), null);
        yield return ("dueDate with a year 10000", () => Post(CreateTask, new { input = new { projectId = project, title = "x", dueDate = "10000-01-01T00:00:00Z" } }), null);
        yield return ("expectedVersion beyond Int", () => Post("mutation($v: Int) { renameTask(input: { taskId: \"" + world.OwnTaskId + "\", title: \"y\", expectedVersion: $v }) { errors { code } } }", new { v = 1e20 }), null);
        yield return ("variable declared with an unknown type", () => Post("query($id: NoSuchType) { task(id: $id) { id } }", new { id = "x" }), null);
        yield return ("variable of the wrong type for its position", () => Post("query($id: Int) { task(id: $id) { id } }", new { id = 3 }), null);
        yield return ("required variable missing", () => Post("query($id: ID!) { task(id: $id) { id } }", new { }), null);

        // Sizes and shapes.
        var huge = new string('t', 2 * 1024 * 1024);
        yield return ("a 2 MB title", () => Post(CreateTask, new { input = new { projectId = project, title = huge } }), HttpStatusCode.RequestEntityTooLarge);
        var large = new string('t', 200 * 1024);
        yield return ("a 200 KB title (under the body limit)", () => Post(CreateTask, new { input = new { projectId = project, title = large } }), null);
        yield return ("a 200 KB idempotency key", () => Post(CreateTask, new { input = new { projectId = project, title = "x", idempotencyKey = large } }), null);
        yield return ("a 10 KB idempotency key", () => Post(CreateTask, new { input = new { projectId = project, title = "x", idempotencyKey = new string('k', 10_000) } }), null);
        yield return ("a 100 KB refresh token", () => Post("mutation($t: String!) { refreshToken(input: { refreshToken: $t }) { errors { code } } }", new { t = new string('r', 100_000) }), null);
        yield return ("a 100 KB password at sign-in", () => Post("mutation($p: String!) { login(input: { email: \"a@example.com\", password: $p }) { errors { code } } }", new { p = new string('p', 100_000) }), null);
        yield return ("a 100 KB bearer token", () => WithHeader(Post("{ __typename }"), "Authorization", "Bearer " + new string('b', 100_000)), HttpStatusCode.Unauthorized);
        yield return ("a 100 KB API key", () => WithHeader(Post("{ __typename }"), "X-API-Key", "tf_" + new string('k', 100_000)), HttpStatusCode.Unauthorized);
        yield return ("a garbage X-Min-Event-Id", () => WithHeader(Post("{ __typename }"), "X-Min-Event-Id", "soon"), HttpStatusCode.BadRequest);
        yield return ("an X-Min-Event-Id beyond long", () => WithHeader(Post("{ __typename }"), "X-Min-Event-Id", "99999999999999999999999"), HttpStatusCode.BadRequest);
        yield return ("an X-Min-Event-Id beyond the log's end", () => WithHeader(Post("{ __typename }"), "X-Min-Event-Id", "9000000000000000000"), HttpStatusCode.BadRequest);
        // Introspection fields are outside the depth limit (the engine's ShapeAnalyzer skips __ fields): only the parser's
        // nesting limit of 128 bounds these; with introspection off (production's default) they are refused anyway.
        yield return ("an introspection query 20 deep", () => Post(Deep(20)), null);
        yield return ("5,000 copies of one field", () => Post("{ me { " + string.Concat(Enumerable.Repeat("id ", 5_000)) + "} }"), null);
        yield return ("3,000 fragment spreads", () => Post("{ me { " + string.Concat(Enumerable.Repeat("...F ", 3_000)) + "} } fragment F on Me { id email }"), null);
        yield return ("40 aliases", () => Post("{ " + string.Concat(Enumerable.Range(0, 40).Select(i => $"a{i}: me {{ id }} ")) + "}"), null);
        yield return ("40 aliased board reads", () => Post("{ " + string.Concat(Enumerable.Range(0, 40).Select(i => $"p{i}: project(id: \"{project}\") {{ board {{ columns {{ tasks {{ nodes {{ id }} }} }} }} }} ")) + "}"), null);
        yield return ("fragment cycle", () => Post("{ me { ...A } } fragment A on Me { ...B } fragment B on Me { ...A }"), null);
        yield return ("10,000 nested list literal", () => Post("{ task(id: " + new string('[', 5_000) + "\"x\"" + new string(']', 5_000) + ") { id } }"), null);
        yield return ("batch of 50 operations", () => Raw("[" + string.Join(",", Enumerable.Repeat("{\"query\": \"{ __typename }\"}", 50)) + "]"), null);

        // Invalid global ids.
        foreach (var (name, id) in new[]
        {
            ("garbage", "garbage!!"), ("random base64", Convert.ToBase64String(Guid.NewGuid().ToByteArray())),
            ("base64 of a kind with no guid", Convert.ToBase64String(Encoding.UTF8.GetBytes("Task:not-a-guid"))),
            ("base64 of an unknown kind", Convert.ToBase64String(Encoding.UTF8.GetBytes($"Spaceship:{Guid.NewGuid()}"))),
            ("wrong kind (a project's id)", project), ("empty", ""), ("a guid, not a global id", Guid.NewGuid().ToString()),
            ("someone else's task", world.GuardedTaskId),
        })
        {
            yield return ($"task(id: {name})", () => Post("query($id: ID!) { task(id: $id) { id title } }", new { id }), null);
            yield return ($"node(id: {name})", () => Post("query($id: ID!) { node(id: $id) { id } }", new { id }), null);
            yield return ($"renameTask(taskId: {name})", () => Post("mutation($id: ID!) { renameTask(input: { taskId: $id, title: \"hijacked\" }) { errors { code } } }", new { id }), null);
            yield return ($"createTask(projectId: {name})", () => Post(CreateTask, new { input = new { projectId = id, title = "x" } }), null);
            yield return ($"addComment(taskId: {name})", () => Post("mutation($id: ID!) { addComment(input: { taskId: $id, body: \"hi\" }) { errors { code } } }", new { id }), null);
            yield return ($"revokeApiKey(apiKeyId: {name})", () => Post("mutation($id: ID!) { revokeApiKey(input: { apiKeyId: $id }) { errors { code } } }", new { id }), null);
        }
    }

    /// <summary>task → project → board → columns → tasks → nodes → project …, <paramref name="rounds"/> times (5 levels each).</summary>
    public static string DeepThroughTheBoard(string taskId, int rounds) =>
        $"{{ task(id: \"{taskId}\") {{ " + string.Concat(Enumerable.Repeat("project { board { columns { tasks { nodes { ", rounds)) + "id" + new string('}', (5 * rounds) + 2).Replace("}", " }");

    private static string Deep(int depth)
    {
        var open = "{ __schema { queryType { fields { type" + string.Concat(Enumerable.Repeat(" { ofType", Math.Max(0, depth - 4))) + " { name";
        return open + new string('}', open.Count(c => c == '{')) .Replace("}", " }");
    }

    private static HttpRequestMessage Post(string query, object? variables = null) =>
        new(HttpMethod.Post, "/graphql") { Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json") };

    private static HttpRequestMessage Raw(string body, string mediaType = "application/json") =>
        new(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    private static HttpRequestMessage Bytes(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
    }

    private static HttpRequestMessage WithHeader(HttpRequestMessage message, string name, string value)
    {
        // The fuzzer's own Authorization default would be sent too; a request-level header replaces it.
        message.Headers.Remove(name);
        message.Headers.TryAddWithoutValidation(name, value);
        return message;
    }
}
