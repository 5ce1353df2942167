namespace TaskForge.Domain;

public static class StreamIds
{
    public static string Workspace(Guid workspaceId) => $"workspace-{workspaceId:N}";

    public static string Project(Guid projectId) => $"project-{projectId:N}";

    public static string Task(Guid taskId) => $"task-{taskId:N}";

    public static string Comment(Guid commentId) => $"comment-{commentId:N}";

    public static string Inbox(Guid userId) => $"inbox-{userId:N}";
}
