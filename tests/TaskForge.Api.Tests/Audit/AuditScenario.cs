using System.Globalization;
using System.Text.Json;
using TaskForge.Api.Tests.GraphQL.Support;
using Schema = TaskForge.Api.Schema;

namespace TaskForge.Api.Tests.Audit;

/// <summary>A workspace with one person per role, a stranger, a project and a task, built through the API.</summary>
public sealed record AuditScenario(
    string WorkspaceId,
    Guid WorkspaceGuid,
    GraphQLClient Owner,
    GraphQLClient Admin,
    GraphQLClient Auditor,
    GraphQLClient Member,
    GraphQLClient Viewer,
    GraphQLClient Stranger,
    string ProjectId,
    string TaskId,
    long LastEventId)
{
    public static async Task<AuditScenario> CreateAsync(ApiHostFixture api, string name)
    {
        var owner = await api.SignUpAsync(name + "-owner");
        var workspace = await ApiSeed.WorkspaceAsync(owner, name);
        var people = new Dictionary<string, GraphQLClient>();
        foreach (var role in new[] { "ADMIN", "AUDITOR", "MEMBER", "VIEWER" })
        {
            people[role] = await api.SignUpAsync(name + "-" + role.ToLowerInvariant());
            await ApiSeed.JoinAsync(owner, workspace, people[role], role);
        }

        var project = await ApiSeed.ProjectAsync(owner, workspace);
        var task = await ApiSeed.TaskAsync(owner, project, "First title");
        return new AuditScenario(workspace, Schema.GlobalId.TryParse(workspace)!.Parts[0], owner, people["ADMIN"], people["AUDITOR"], people["MEMBER"], people["VIEWER"],
            await api.SignUpAsync(name + "-stranger"), project, task.GetProperty("task").GetProperty("id").GetString()!, ApiSeed.EventId(task));
    }

    public IEnumerable<GraphQLClient> Everyone => [Owner, Admin, Auditor, Member, Viewer, Stranger];

    /// <summary>Renames the task; returns the event id.</summary>
    public async Task<long> RenameAsync(GraphQLClient who, string title) =>
        ApiSeed.EventId((await who.MutateAsync("mutation($id: ID!, $t: String!) { renameTask(input: { taskId: $id, title: $t }) { eventId errors { code message } } }",
            new { id = TaskId, t = title })).Payload("renameTask"));

    public static long Id(JsonElement eventId) => long.Parse(eventId.GetString()!, CultureInfo.InvariantCulture);
}
