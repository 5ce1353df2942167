using System.Net;
using TaskForge.Api.Tests.GraphQL.Support;

namespace TaskForge.Api.Tests.GraphQL;

/// <summary>X-Min-Event-Id: a query that names an event reads a state that includes it, and an id the log never handed out is refused at once.</summary>
public sealed class MinEventIdTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task Bug_an_event_id_beyond_the_log_is_a_400_that_names_the_last_event_id_and_a_real_one_reads_its_change()
    {
        using var ada = await api.SignUpAsync("ada");
        var project = await ApiSeed.ProjectAsync(ada, await ApiSeed.WorkspaceAsync(ada));
        var eventId = ApiSeed.EventId(await ApiSeed.TaskAsync(ada, project, "Named by its event"));

        var read = await ada.QueryAsync("query($id: ID!) { project(id: $id) { board { columns { tasks { nodes { title } } } } } }", new { id = project }, eventId);
        Assert.Contains("Named by its event", read.Text, StringComparison.Ordinal);

        // As a browser that kept its last event id across a database reset would send: without the check, the request
        // waited its whole read-your-writes bound and then answered with a state that could not include the event.
        var beyond = await ada.QueryAsync("{ me { id } }", minEventId: eventId + 10_000_000);
        Assert.Equal(HttpStatusCode.BadRequest, beyond.Status);
        var message = beyond.Body.GetProperty("errors")[0].GetProperty("message").GetString();
        Assert.Contains("beyond the log's last event id", message, StringComparison.Ordinal);
        Assert.StartsWith($"X-Min-Event-Id {eventId + 10_000_000} ", message, StringComparison.Ordinal);
    }
}
