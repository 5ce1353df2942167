using TaskForge.Api.Projects;
using TaskForge.Api.Tasks;
using TaskForge.Api.Workspaces;
using TaskForge.GraphQL.Execution;

namespace TaskForge.Api.Inbox;

/// <summary>The object a feed entry or notification is about, as the caller may see it now (null when gone or hidden).</summary>
internal static class Targets
{
    public static async Task<object?> LoadAsync(ResolveContext context, string targetType, Guid workspaceId, Guid targetId) => targetType switch
    {
        "task" => await TaskSchema.LoadAsync(context, targetId),
        "project" => await ProjectSchema.LoadAsync(context, targetId),
        "workspace" => await WorkspaceSchema.LoadAsync(context, targetId),
        "member" => await WorkspaceSchema.LoadAsync(context, workspaceId) is null ? null : await Schema.Users.LoadAsync(context, targetId),
        _ => null,
    };
}
