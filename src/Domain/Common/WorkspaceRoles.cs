namespace TaskForge.Domain;

public static class WorkspaceRoles
{
    public static bool CanChangeContent(this WorkspaceRole role) => role >= WorkspaceRole.Member;

    public static bool CanManage(this WorkspaceRole role) => role >= WorkspaceRole.Admin;

    public static bool CanReadHistory(this WorkspaceRole role) =>
        role is WorkspaceRole.Auditor or WorkspaceRole.Admin or WorkspaceRole.Owner;

    /// <summary>Who may audit a workspace (audit log, time travel, export, access log, integrity): owners and auditors (ADR 0117).</summary>
    public static bool CanAudit(this WorkspaceRole role) => role is WorkspaceRole.Auditor or WorkspaceRole.Owner;

    public static bool IsDefined(this WorkspaceRole role) => Enum.IsDefined(role);
}
