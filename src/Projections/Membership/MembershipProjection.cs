using TaskForge.Projections.Runtime;
using TaskForge.Projections.Events;
using static TaskForge.Domain.Workspaces.WorkspaceEvent;

namespace TaskForge.Projections.Membership;

/// <summary>
/// Workspaces, their members with roles, pending invitations, and membership periods (from the event that added a
/// member to the one that removed them): what every reader authorizes against, now or as of a past event.
/// </summary>
public sealed class MembershipProjection : DomainProjection
{
    public const string Workspaces = "workspaces";
    public const string Members = "workspace_members";
    public const string Invitations = "workspace_invitations";
    public const string Periods = "workspace_membership_periods";

    public override string Name => "membership";

    public override int Version => 4;

    protected override IReadOnlyList<Type> EventFamilies { get; } = [typeof(Domain.Workspaces.WorkspaceEvent)];

    public override IReadOnlyList<string> Tables => [Workspaces, Members, Invitations, Periods];

    public override string CreateTablesSql(ProjectionTables t) => $"""
        CREATE TABLE {t[Workspaces]} (
            workspace_id uuid PRIMARY KEY, name text NOT NULL, owner_id uuid NOT NULL, created_at timestamptz NOT NULL,
            version bigint NOT NULL DEFAULT 0, event_id bigint NOT NULL DEFAULT 0);
        CREATE TABLE {t[Members]} (
            workspace_id uuid NOT NULL, user_id uuid NOT NULL, email text NOT NULL, role text NOT NULL, joined_at timestamptz NOT NULL,
            PRIMARY KEY (workspace_id, user_id));
        CREATE INDEX {t.Local(Members)}_user ON {t[Members]} (user_id, workspace_id);
        CREATE TABLE {t[Invitations]} (
            invitation_id uuid PRIMARY KEY, workspace_id uuid NOT NULL, email text NOT NULL, role text NOT NULL, invited_at timestamptz NOT NULL,
            invited_by uuid);
        CREATE INDEX {t.Local(Invitations)}_workspace ON {t[Invitations]} (workspace_id);
        CREATE INDEX {t.Local(Invitations)}_email ON {t[Invitations]} (lower(email));
        CREATE TABLE {t[Periods]} (
            workspace_id uuid NOT NULL, user_id uuid NOT NULL, from_position bigint NOT NULL, to_position bigint,
            PRIMARY KEY (workspace_id, user_id, from_position));
        CREATE INDEX {t.Local(Periods)}_user ON {t[Periods]} (user_id, workspace_id);
        """;

    public override void Plan(ProjectedEvent e, ProjectionTables t, SqlBatch sql)
    {
        PlanMembership(e, t, sql);
        if (e.Event is Domain.Workspaces.WorkspaceEvent w)
        {
            sql.Add($"UPDATE {t[Workspaces]} SET version = $2, event_id = $3 WHERE workspace_id = $1", w.WorkspaceId, e.Recorded.Version, e.Position);
        }
    }

    private static void PlanMembership(ProjectedEvent e, ProjectionTables t, SqlBatch sql)
    {
        switch (e.Event)
        {
            case WorkspaceCreated c:
                sql.Add($"INSERT INTO {t[Workspaces]} (workspace_id, name, owner_id, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", c.WorkspaceId, c.Name, c.OwnerId, e.At);
                AddMember(t, sql, e, c.WorkspaceId, c.OwnerId, c.OwnerEmail, nameof(Domain.WorkspaceRole.Owner));
                break;
            case WorkspaceRenamed r:
                sql.Add($"UPDATE {t[Workspaces]} SET name = $2 WHERE workspace_id = $1", r.WorkspaceId, r.Name);
                break;
            case MemberInvited i:
                sql.Add($"INSERT INTO {t[Invitations]} VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (invitation_id) DO NOTHING",
                    i.InvitationId, i.WorkspaceId, i.Email, i.Role.ToString(), e.At, e.ActorId);
                break;
            case InvitationRevoked r:
                sql.Add($"DELETE FROM {t[Invitations]} WHERE invitation_id = $1", r.InvitationId);
                break;
            case InvitationDeclined d:
                sql.Add($"DELETE FROM {t[Invitations]} WHERE invitation_id = $1", d.InvitationId);
                break;
            case InvitationAccepted a:
                sql.Add($"DELETE FROM {t[Invitations]} WHERE invitation_id = $1", a.InvitationId);
                AddMember(t, sql, e, a.WorkspaceId, a.UserId, a.Email, a.Role.ToString());
                break;
            case MemberRoleChanged r:
                sql.Add($"UPDATE {t[Members]} SET role = $3 WHERE workspace_id = $1 AND user_id = $2", r.WorkspaceId, r.UserId, r.Role.ToString());
                break;
            case MemberRemoved r:
                RemoveMember(t, sql, e, r.WorkspaceId, r.UserId);
                break;
            case MemberLeft l:
                RemoveMember(t, sql, e, l.WorkspaceId, l.UserId);
                break;
        }
    }

    private static void AddMember(ProjectionTables t, SqlBatch sql, ProjectedEvent e, Guid workspaceId, Guid userId, string email, string role)
    {
        sql.Add($"""
            INSERT INTO {t[Members]} VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role, email = excluded.email
            """, workspaceId, userId, email, role, e.At);
        sql.Add($"""
            INSERT INTO {t[Periods]} (workspace_id, user_id, from_position)
            SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM {t[Periods]} WHERE workspace_id = $1 AND user_id = $2 AND to_position IS NULL)
            """, workspaceId, userId, e.Position);
    }

    private static void RemoveMember(ProjectionTables t, SqlBatch sql, ProjectedEvent e, Guid workspaceId, Guid userId)
    {
        sql.Add($"DELETE FROM {t[Members]} WHERE workspace_id = $1 AND user_id = $2", workspaceId, userId);
        sql.Add($"UPDATE {t[Periods]} SET to_position = $3 WHERE workspace_id = $1 AND user_id = $2 AND to_position IS NULL",
            workspaceId, userId, e.Position);
    }
}
