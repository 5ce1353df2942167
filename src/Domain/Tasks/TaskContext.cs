using TaskForge.Domain.Projects;
using TaskForge.Domain.Workspaces;

namespace TaskForge.Domain.Tasks;

/// <summary>Facts from other streams a task decision needs, loaded by the command path.</summary>
public sealed record TaskContext(WorkspaceState Workspace, ProjectState Project);
