namespace TaskForge.Domain;

/// <summary>
/// Implemented by every event and command that belongs to one workspace (all but the inbox), so
/// readers can check membership without knowing the concrete type.
/// </summary>
public interface IWorkspaceScoped
{
    Guid WorkspaceId { get; }
}
