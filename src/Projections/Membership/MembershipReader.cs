using TaskForge.Domain;
using TaskForge.Projections.Access;

namespace TaskForge.Projections.Membership;

/// <summary>Queries over the membership read model; the authorization source of every other reader.</summary>
public sealed class MembershipReader(ReadModelDatabase database)
{
    private readonly string _schema = database.Schema;

    /// <summary>The user's role in the workspace, or null when they are not a member.</summary>
    public async Task<WorkspaceRole?> RoleOfAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null,
            $"SELECT role FROM {_schema}.workspace_members WHERE workspace_id = $1 AND user_id = $2", workspaceId, userId);
        return await command.ExecuteScalarAsync(cancellationToken) is string role ? Enum.Parse<WorkspaceRole>(role) : null;
    }

    /// <summary>The user's role; throws <see cref="WorkspaceAccessDeniedException"/> when they are not a member.</summary>
    public async Task<WorkspaceRole> RequireMemberAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken = default) =>
        await RoleOfAsync(userId, workspaceId, cancellationToken) ?? throw new WorkspaceAccessDeniedException(userId, workspaceId);

    /// <summary>
    /// Every period the user was (or is) a member of a workspace, for replaying history as they may see it: an
    /// event of workspace W at position P is theirs when a period of W covers P.
    /// </summary>
    public async Task<IReadOnlyList<MembershipPeriod>> PeriodsOfAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, $"""
            SELECT workspace_id, from_position, to_position FROM {_schema}.workspace_membership_periods
            WHERE user_id = $1 ORDER BY workspace_id, from_position
            """, userId);
        var result = new List<MembershipPeriod>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new MembershipPeriod(reader.GetGuid(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2)));
        }

        return result;
    }

    /// <summary>The workspaces the user belongs to, by name.</summary>
    public Task<IReadOnlyList<WorkspaceMembership>> WorkspacesOfAsync(Guid userId, CancellationToken cancellationToken = default) =>
        WorkspacesOfAsync(userId, null, cancellationToken);

    /// <summary>Those of <paramref name="workspaceIds"/> the user belongs to (one query, for batch loading).</summary>
    public Task<IReadOnlyList<WorkspaceMembership>> WorkspacesOfAsync(
        Guid userId, IReadOnlyCollection<Guid> workspaceIds, CancellationToken cancellationToken = default) =>
        WorkspacesOfAsync(userId, workspaceIds.ToArray(), cancellationToken);

    private async Task<IReadOnlyList<WorkspaceMembership>> WorkspacesOfAsync(Guid userId, Guid[]? only, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, $"""
            SELECT w.workspace_id, w.name, m.role, m.joined_at, w.version, w.event_id
            FROM {_schema}.workspace_members m JOIN {_schema}.workspaces w ON w.workspace_id = m.workspace_id
            WHERE m.user_id = $1 AND ($2::uuid[] IS NULL OR w.workspace_id = ANY($2)) ORDER BY w.name, w.workspace_id
            """, userId, only);
        var result = new List<WorkspaceMembership>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new WorkspaceMembership(reader.GetGuid(0), reader.GetString(1), Enum.Parse<WorkspaceRole>(reader.GetString(2)),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt64(4), reader.GetInt64(5)));
        }

        return result;
    }

    /// <summary>The members of a workspace the user belongs to.</summary>
    public async Task<IReadOnlyList<WorkspaceMemberView>> MembersAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await RequireMemberAsync(userId, workspaceId, cancellationToken);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null,
            $"SELECT user_id, email, role, joined_at FROM {_schema}.workspace_members WHERE workspace_id = $1 ORDER BY email, user_id", workspaceId);
        var result = new List<WorkspaceMemberView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new WorkspaceMemberView(reader.GetGuid(0), reader.GetString(1), Enum.Parse<WorkspaceRole>(reader.GetString(2)),
                reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return result;
    }

    /// <summary>Pending invitations of a workspace; only members who can manage it see them.</summary>
    public async Task<IReadOnlyList<PendingInvitation>> InvitationsAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken = default)
    {
        if (!(await RequireMemberAsync(userId, workspaceId, cancellationToken)).CanManage())
        {
            throw new WorkspaceAccessDeniedException(userId, workspaceId);
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, $"""
            SELECT invitation_id, workspace_id, email, role, invited_at, invited_by FROM {_schema}.workspace_invitations
            WHERE workspace_id = $1 ORDER BY invited_at, invitation_id
            """, workspaceId);
        var result = new List<PendingInvitation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new PendingInvitation(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), Enum.Parse<WorkspaceRole>(reader.GetString(3)),
                reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetGuid(5)));
        }

        return result;
    }

    /// <summary>Pending invitations addressed to <paramref name="email"/> (case-insensitive), with their workspace's name, newest first.</summary>
    public async Task<IReadOnlyList<InvitationToYou>> InvitationsForAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, $"""
            SELECT i.invitation_id, i.workspace_id, w.name, i.email, i.role, i.invited_at, i.invited_by
            FROM {_schema}.workspace_invitations i JOIN {_schema}.workspaces w ON w.workspace_id = i.workspace_id
            WHERE lower(i.email) = lower($1) ORDER BY i.invited_at DESC, i.invitation_id
            """, email);
        var result = new List<InvitationToYou>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new InvitationToYou(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                Enum.Parse<WorkspaceRole>(reader.GetString(4)), reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetGuid(6)));
        }

        return result;
    }
}
