namespace TaskForge.Projections.Access;

/// <summary>The SQL every reader uses to keep a user inside the workspaces they belong to now.</summary>
internal static class MemberFilter
{
    /// <summary>A condition true when <paramref name="userParameter"/> is a member of the row's <paramref name="workspaceColumn"/>.</summary>
    public static string IsMember(string schema, string workspaceColumn, string userParameter) =>
        $"EXISTS (SELECT 1 FROM {schema}.workspace_members am WHERE am.workspace_id = {workspaceColumn} AND am.user_id = {userParameter})";
}
