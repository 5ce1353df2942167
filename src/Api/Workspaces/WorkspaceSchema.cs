using TaskForge.Api.Schema;
using TaskForge.Domain;
using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Types;
using TaskForge.Projections.Access;
using TaskForge.Projections.Board;
using TaskForge.Projections.Membership;

namespace TaskForge.Api.Workspaces;

/// <summary>GraphQL of workspaces: the queries and the Workspace, Member and Invitation types.</summary>
public static class WorkspaceSchema
{
    public const int DefaultPage = 20;
    public const int MaxPage = 100;

    public static SchemaBuilder BindWorkspaces(this SchemaBuilder schema, IServiceProvider services)
    {
        var membership = services.GetRequiredService<MembershipReader>();
        var projects = services.GetRequiredService<ProjectReader>();
        return schema
            .BindEnum<WorkspaceRole>("WorkspaceRole")
            .BindFieldAsync("Query", "workspaces", async ctx =>
                Connections.Slice(ctx, await membership.WorkspacesOfAsync(Caller.Require(ctx).Id, ctx.CancellationToken), w => w.WorkspaceId.ToString("N"), DefaultPage, MaxPage))
            .BindFieldAsync("Query", "workspace", ctx => LoadAsync(ctx, GlobalId.Parse(ctx.GetArgument<string>("id"), GlobalIdKind.Workspace, "id")[0]))
            .BindField("Workspace", "id", ctx => GlobalId.Workspace(Source(ctx).WorkspaceId))
            .BindField("Workspace", "uuid", ctx => Source(ctx).WorkspaceId.ToString())
            .BindFieldAsync("Workspace", "projects", async ctx =>
                Connections.Slice(ctx, await projects.InWorkspaceAsync(Caller.Require(ctx).Id, Source(ctx).WorkspaceId, ctx.CancellationToken),
                    p => p.ProjectId.ToString("N"), DefaultPage, MaxPage))
            .BindFieldAsync("Workspace", "members", async ctx =>
                Connections.Slice(ctx, await membership.MembersAsync(Caller.Require(ctx).Id, Source(ctx).WorkspaceId, ctx.CancellationToken),
                    m => m.UserId.ToString("N"), DefaultPage, MaxPage))
            .BindFieldAsync("Workspace", "invitations", async ctx =>
            {
                var workspace = Source(ctx);
                if (!workspace.Role.CanManage())
                {
                    throw new GraphQL.GraphQLException("Only owners and admins see a workspace's invitations.", ErrorCodes.Forbidden);
                }

                var pending = await membership.InvitationsAsync(Caller.Require(ctx).Id, workspace.WorkspaceId, ctx.CancellationToken);
                var invitations = pending.Select(i => new InvitationToYou(i.InvitationId, i.WorkspaceId, workspace.Name, i.Email, i.Role, i.InvitedAt, i.InvitedBy)).ToList();
                return Connections.Slice(ctx, invitations, i => i.InvitationId.ToString("N"), DefaultPage, MaxPage);
            })
            .BindFieldAsync("Member", "user", ctx => Users.LoadAsync(ctx, ((WorkspaceMemberView)ctx.Source!).UserId))
            .BindField("Invitation", "id", ctx => GlobalId.Invitation(((InvitationToYou)ctx.Source!).WorkspaceId, ((InvitationToYou)ctx.Source!).InvitationId))
            .BindField("Invitation", "uuid", ctx => ((InvitationToYou)ctx.Source!).InvitationId.ToString())
            .BindFieldAsync("Invitation", "workspace", ctx => LoadAsync(ctx, ((InvitationToYou)ctx.Source!).WorkspaceId))
            .BindFieldAsync("Invitation", "invitedBy", async ctx => ((InvitationToYou)ctx.Source!).InvitedBy is { } inviter ? await Users.LoadAsync(ctx, inviter) : null);
    }

    /// <summary>The workspace as the caller sees it (null when they are not a member), batched per query level.</summary>
    /// <param name="fresh">Read now, past the request's batch cache (for a mutation's payload).</param>
    public static async Task<WorkspaceMembership?> LoadAsync(ResolveContext context, Guid workspaceId, bool fresh = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.Require(context);
        var membership = context.Services!.GetRequiredService<MembershipReader>();
        if (fresh)
        {
            return (await membership.WorkspacesOfAsync(caller.Id, [workspaceId], context.CancellationToken)).FirstOrDefault();
        }

        return await context.GetDataLoader<Guid, WorkspaceMembership>("workspaces", async (ids, ct) =>
            (await membership.WorkspacesOfAsync(caller.Id, ids.ToArray(), ct)).ToDictionary(w => w.WorkspaceId)).LoadAsync(workspaceId);
    }

    private static WorkspaceMembership Source(ResolveContext context) => (WorkspaceMembership)context.Source!;
}
