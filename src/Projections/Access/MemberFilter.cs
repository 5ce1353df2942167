namespace TaskForge.Projections.Access;

/// <summary>The SQL every reader uses to keep a user inside the workspaces they belong to now.</summary>
internal static class MemberFilter
{
    /// <summary>A condition true when <paramref name="userParameter"/> is a member of the row's <paramref name="workspaceColumn"/>.</summary>
    public static string IsMember(string schema, string workspaceColumn, string userParameter) =>
        $"EXISTS (SELECT 1 FROM {schema}.workspace_members am WHERE am.workspace_id = {workspaceColumn} AND am.user_id = {userParameter})";

    /// <summary>
    /// The same condition for keyset pages of a user's own rows (feed, notifications): the user's workspaces are read
    /// once (an init plan), so PostgreSQL walks the (user, position) index newest first and stops at the page size. The
    /// <see cref="IsMember"/> form becomes, in a generic plan, a join from the memberships that reads and sorts every
    /// row of the user in each workspace (measured: 5.6 ms against 0.1 ms with 1.7 M feed rows).
    /// </summary>
    public static string InMemberWorkspaces(string schema, string workspaceColumn, string userParameter) =>
        $"{workspaceColumn} = ANY (ARRAY(SELECT am.workspace_id FROM {schema}.workspace_members am WHERE am.user_id = {userParameter}))";
}
