using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TaskForge.Api.Commands;
using TaskForge.Api.Tests.GraphQL.Support;
using TaskForge.Domain.Tasks;

namespace TaskForge.Api.Tests.GraphQL;

/// <summary>DataLoaders keep a board's cost in database round trips bounded, whatever the number of tasks and assignees.</summary>
public sealed class BoardRoundTripTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    private const string BoardQuery = """
        query($id: ID!) { project(id: $id) { name workspace { name } board { columns { name tasks(first: 500) { nodes {
          id title labels dueDate commentCount assignees { id name email } } } } } } }
        """;

    [Fact]
    public async Task A_board_of_200_tasks_with_assignees_and_labels_costs_as_many_round_trips_as_a_board_of_5()
    {
        using var ada = await api.SignUpAsync("ada");
        var people = new List<GraphQLClient>();
        var workspace = await ApiSeed.WorkspaceAsync(ada);
        for (var i = 0; i < 5; i++)
        {
            var member = await api.SignUpAsync($"m{i}");
            await ApiSeed.JoinAsync(ada, workspace, member);
            people.Add(member);
        }

        var small = await ApiSeed.ProjectAsync(ada, workspace, "Small");
        var large = await ApiSeed.ProjectAsync(ada, workspace, "Large");
        await SeedTasksAsync(ada, people, small, 5);
        var last = await SeedTasksAsync(ada, people, large, 200);

        var smallCount = await CountRoundTripsAsync(ada, small, last, expectedTasks: 5);
        var largeCount = await CountRoundTripsAsync(ada, large, last, expectedTasks: 200);

        Assert.InRange(largeCount, 1, 6);
        Assert.Equal(smallCount, largeCount);
        foreach (var person in people)
        {
            person.Dispose();
        }
    }

    private async Task<long> SeedTasksAsync(GraphQLClient owner, List<GraphQLClient> people, string projectId, int count)
    {
        var commands = api.Factory.Services.GetRequiredService<CommandHandler>();
        var project = TaskForge.Api.Schema.GlobalId.TryParse(projectId)!;
        var ownerId = TaskForge.Api.Schema.GlobalId.TryParse(owner.UserId)![0];
        var board = (await owner.QueryAsync("query($id: ID!) { project(id: $id) { board { columns { id } } } }", new { id = projectId }))
            .Data("project").GetProperty("board").GetProperty("columns")[0].GetProperty("id").GetString();
        var column = TaskForge.Api.Schema.GlobalId.TryParse(board)![2];
        long last = 0;
        var rank = (string?)null;
        for (var i = 0; i < count; i++)
        {
            rank = Rank.After(rank);
            var assignees = new[] { people[i % people.Count], people[(i + 1) % people.Count] }
                .Select(p => TaskForge.Api.Schema.GlobalId.TryParse(p.UserId)![0]).ToList();
            var result = await commands.HandleAsync(new TaskCommand.CreateTask(ownerId, DateTimeOffset.UtcNow, project[0], project[1], Guid.NewGuid(),
                $"Task {i}", Labels: [$"label-{i % 7}", "board"], Assignees: assignees, ColumnId: column, Position: rank));
            last = Assert.IsType<CommandResult.Succeeded>(result).Positions[^1];
        }

        return last;
    }

    private static async Task<long> CountRoundTripsAsync(GraphQLClient client, string projectId, long minEventId, int expectedTasks)
    {
        await client.QueryAsync("{ __typename }", minEventId: minEventId);
        var traceId = ActivityTraceId.CreateRandom();
        var commands = new ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql" && activity.TraceId == traceId)
                {
                    commands.Add(activity.DisplayName);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        client.Http.DefaultRequestHeaders.Remove("traceparent");
        client.Http.DefaultRequestHeaders.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        try
        {
            var board = (await client.QueryAsync(BoardQuery, new { id = projectId })).Data("project").GetProperty("board");
            var tasks = board.GetProperty("columns").EnumerateArray().SelectMany(c => c.GetProperty("tasks").GetProperty("nodes").EnumerateArray()).ToList();
            Assert.Equal(expectedTasks, tasks.Count);
            Assert.All(tasks, t => Assert.Equal(2, t.GetProperty("assignees").GetArrayLength()));
        }
        finally
        {
            client.Http.DefaultRequestHeaders.Remove("traceparent");
        }

        return commands.Count;
    }
}
