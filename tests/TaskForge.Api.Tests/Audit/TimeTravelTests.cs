using System.Globalization;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using TaskForge.Domain.Tasks;

namespace TaskForge.Api.Tests.Audit;

/// <summary><c>taskAsOf</c>, <c>projectAsOf</c>, <c>workspaceAsOf</c>: the state a replay of the stream up to that point gives.</summary>
public sealed class TimeTravelTests(AuditHostFixture api) : IClassFixture<AuditHostFixture>
{
    private const string AsOf = """
        query($id: ID!, $e: EventId, $at: DateTime) { taskAsOf(id: $id, atEventId: $e, at: $at) { streamId version eventId exists state } }
        """;

    [Fact]
    public async Task The_state_at_random_points_is_what_the_events_up_to_that_point_say()
    {
        var s = await AuditScenario.CreateAsync(api, "travel");
        var random = new Random(20261207);
        var last = 0L;
        for (var i = 0; i < 10; i++)
        {
            last = Math.Max(last, random.Next(3) switch
            {
                0 => await s.RenameAsync(s.Owner, $"Title {i}"),
                1 => await LabelAsync(s, $"label-{random.Next(3)}"),
                _ => await PriorityAsync(s, random.Next(2) == 0 ? "HIGH" : "LOW"),
            });
        }

        await api.WaitForLogAsync(last);
        var streamId = Domain.StreamIds.Task(Schema.GlobalId.TryParse(s.TaskId)!.Parts[2]);
        await using var session = api.Factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(streamId);
        var ids = events.Select(e => e.Sequence).ToList();
        var points = Enumerable.Range(0, 8).Select(_ => random.Next(0, 3) == 0 ? ids[random.Next(ids.Count)] : random.NextInt64(ids[0] - 5, ids[^1] + 5)).ToList();

        foreach (var point in points)
        {
            var upTo = events.Where(e => e.Sequence <= point).ToList();
            var snapshot = (await s.Auditor.QueryAsync(AsOf, new { id = s.TaskId, e = point.ToString(CultureInfo.InvariantCulture) })).Data("taskAsOf");
            Assert.Equal(upTo.Count, snapshot.GetProperty("version").GetInt32());
            Assert.Equal(upTo.Count > 0, snapshot.GetProperty("exists").GetBoolean());
            if (upTo.Count == 0)
            {
                Assert.Equal("NotCreated", snapshot.GetProperty("state").GetProperty("state").GetString());
                continue;
            }

            Assert.Equal(upTo[^1].Sequence, AuditScenario.Id(snapshot.GetProperty("eventId")));
            var state = snapshot.GetProperty("state");
            var title = upTo.Select(e => e.Data).OfType<TaskEvent.TaskRenamed>().LastOrDefault()?.Title ?? "First title";
            Assert.Equal(title, state.GetProperty("title").GetString());
            var priority = upTo.Select(e => e.Data).OfType<TaskEvent.TaskPriorityChanged>().LastOrDefault()?.Priority ?? TaskPriority.None;
            Assert.Equal(priority.ToString(), state.GetProperty("priority").GetString());
            var labels = upTo.Select(e => e.Data).OfType<TaskEvent.TaskLabelAdded>().Select(l => l.Label).Distinct(StringComparer.OrdinalIgnoreCase).Order().ToList();
            Assert.Equal(labels, state.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).Order());
        }

        var byTime = (await s.Auditor.QueryAsync(AsOf, new { id = s.TaskId, at = events[3].Timestamp.ToString("O", CultureInfo.InvariantCulture) })).Data("taskAsOf");
        Assert.Equal(events.Count(e => e.Timestamp <= events[3].Timestamp), byTime.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Projects_and_workspaces_travel_too_and_only_for_auditors()
    {
        var s = await AuditScenario.CreateAsync(api, "travel-roles");
        await api.WaitForLogAsync(s.LastEventId);

        var workspace = (await s.Owner.QueryAsync("query($id: ID!, $at: DateTime) { workspaceAsOf(id: $id, at: $at) { version state } }",
            new { id = s.WorkspaceId, at = DateTimeOffset.UtcNow.AddMinutes(1) })).Data("workspaceAsOf");
        Assert.Equal("travel-roles", workspace.GetProperty("state").GetProperty("name").GetString());
        Assert.Equal(5, workspace.GetProperty("state").GetProperty("members").EnumerateObject().Count());
        var project = (await s.Auditor.QueryAsync("query($id: ID!, $e: EventId) { projectAsOf(id: $id, atEventId: $e) { version state } }",
            new { id = s.ProjectId, e = s.LastEventId.ToString(CultureInfo.InvariantCulture) })).Data("projectAsOf");
        Assert.Equal("Project", project.GetProperty("state").GetProperty("name").GetString());

        Assert.Equal("FORBIDDEN", AuditQueries.ErrorOf(await s.Member.QueryAsync(AsOf, new { id = s.TaskId, e = "1" })));
        Assert.Equal("NOT_FOUND", AuditQueries.ErrorOf(await s.Stranger.QueryAsync(AsOf, new { id = s.TaskId, e = "1" })));
        Assert.Equal("VALIDATION", AuditQueries.ErrorOf(await s.Owner.QueryAsync(AsOf, new { id = s.TaskId, e = "1", at = DateTimeOffset.UtcNow })));
        Assert.Equal("VALIDATION", AuditQueries.ErrorOf(await s.Owner.QueryAsync(AsOf, new { id = s.ProjectId, e = "1" })));
    }

    private static async Task<long> LabelAsync(AuditScenario s, string label) =>
        GraphQL.Support.ApiSeed.EventId((await s.Owner.MutateAsync("mutation($id: ID!, $l: String!) { addTaskLabel(input: { taskId: $id, label: $l }) { eventId errors { code } } }",
            new { id = s.TaskId, l = label })).Payload("addTaskLabel"));

    private static async Task<long> PriorityAsync(AuditScenario s, string priority) =>
        GraphQL.Support.ApiSeed.EventId((await s.Owner.MutateAsync($$"""mutation($id: ID!) { setTaskPriority(input: { taskId: $id, priority: {{priority}} }) { eventId errors { code } } }""",
            new { id = s.TaskId })).Payload("setTaskPriority"));
}
