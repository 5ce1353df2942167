namespace TaskForge.Domain;

/// <summary>Roles in ascending order of power; viewers and auditors change nothing.</summary>
public enum WorkspaceRole
{
    Viewer,
    Auditor,
    Member,
    Admin,
    Owner,
}
