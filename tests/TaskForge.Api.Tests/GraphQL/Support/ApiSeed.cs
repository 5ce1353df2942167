using System.Text.Json;

namespace TaskForge.Api.Tests.GraphQL.Support;

/// <summary>Builds workspaces, projects and tasks through the API itself, as a client would.</summary>
public static class ApiSeed
{
    /// <summary>A payload's eventId as a number (0 when the change wrote nothing).</summary>
    public static long EventId(JsonElement payload) =>
        payload.GetProperty("eventId").GetString() is { } id ? long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) : 0;

    public static async Task<string> WorkspaceAsync(GraphQLClient owner, string name = "Workspace") =>
        (await owner.MutateAsync("mutation($name: String!) { createWorkspace(input: { name: $name }) { workspace { id } errors { code message } } }", new { name }))
            .Payload("createWorkspace").GetProperty("workspace").GetProperty("id").GetString()!;

    /// <summary>Invites <paramref name="email"/> as <paramref name="role"/>; returns the invitation's id.</summary>
    public static async Task<string> InviteAsync(GraphQLClient admin, string workspaceId, string email, string role = "MEMBER") =>
        (await admin.MutateAsync($$"""
            mutation($ws: ID!, $email: String!) { inviteMember(input: { workspaceId: $ws, email: $email, role: {{role}} }) { invitation { id } errors { code message } } }
            """, new { ws = workspaceId, email })).Payload("inviteMember").GetProperty("invitation").GetProperty("id").GetString()!;

    /// <summary>Invites <paramref name="member"/> and accepts as them; returns the event id of the acceptance.</summary>
    public static async Task<long> JoinAsync(GraphQLClient owner, string workspaceId, GraphQLClient member, string role = "MEMBER")
    {
        var invitation = await InviteAsync(owner, workspaceId, member.Email!, role);
        return EventId((await member.MutateAsync("mutation($id: ID!) { acceptInvitation(input: { invitationId: $id }) { workspace { id } eventId errors { code message } } }", new { id = invitation }))
            .Payload("acceptInvitation"));
    }

    public static async Task<string> ProjectAsync(GraphQLClient client, string workspaceId, string name = "Project") =>
        (await client.MutateAsync("mutation($ws: ID!, $name: String!) { createProject(input: { workspaceId: $ws, name: $name }) { project { id } errors { code message } } }",
            new { ws = workspaceId, name })).Payload("createProject").GetProperty("project").GetProperty("id").GetString()!;

    public static async Task<JsonElement> TaskAsync(GraphQLClient client, string projectId, string title, IReadOnlyList<string>? assigneeIds = null, IReadOnlyList<string>? labels = null) =>
        (await client.MutateAsync("""
            mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id title version } eventId errors { code message } } }
            """, new { input = new { projectId, title, assigneeIds, labels } })).Payload("createTask");
}
