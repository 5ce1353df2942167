using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;

namespace TaskForge.Domain.Comments;

/// <summary>Facts from other streams a comment decision needs, loaded by the command path.</summary>
public sealed record CommentContext(WorkspaceState Workspace, TaskState Task);
