using TaskForge.Api.Commands;
using TaskForge.Api.Schema;
using TaskForge.Domain;
using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Types;
using static TaskForge.Domain.Workspaces.WorkspaceCommand;

namespace TaskForge.Api.Workspaces;

/// <summary>One mutation per workspace command; each returns the workspace (or invitation) as the change left it.</summary>
public static class WorkspaceMutations
{
    public static SchemaBuilder BindWorkspaceMutations(this SchemaBuilder schema, IServiceProvider services)
    {
        var run = services.GetRequiredService<MutationRunner>();
        return schema
            .BindField("Mutation", "createWorkspace", ctx => Workspace(ctx, run, (input, caller, options) =>
                new CreateWorkspace(caller.Id, run.Now, MutationRunner.NewId(caller, options, "workspace"), input.String("name"), caller.Email)))
            .BindField("Mutation", "renameWorkspace", ctx => Workspace(ctx, run, (input, caller, _) =>
                new RenameWorkspace(caller.Id, run.Now, WorkspaceId(input), input.String("name"))))
            .BindField("Mutation", "acceptInvitation", ctx => Workspace(ctx, run, (input, caller, _) =>
            {
                var id = input.Id("invitationId", GlobalIdKind.Invitation);
                return new AcceptInvitation(caller.Id, run.Now, id[0], id[1], caller.Email);
            }))
            .BindField("Mutation", "changeMemberRole", ctx => Workspace(ctx, run, (input, caller, _) =>
                new ChangeMemberRole(caller.Id, run.Now, WorkspaceId(input), input.Id("userId", GlobalIdKind.User)[0], Role(input))))
            .BindField("Mutation", "removeMember", ctx => Workspace(ctx, run, (input, caller, _) =>
                new RemoveMember(caller.Id, run.Now, WorkspaceId(input), input.Id("userId", GlobalIdKind.User)[0])))
            .BindField("Mutation", "leaveWorkspace", ctx => Workspace(ctx, run, (input, caller, _) =>
                new LeaveWorkspace(caller.Id, run.Now, WorkspaceId(input))))
            .BindField("Mutation", "inviteMember", ctx => Invitation(ctx, run, (input, caller, options) =>
                new InviteMember(caller.Id, run.Now, WorkspaceId(input), MutationRunner.NewId(caller, options, "invitation"), input.String("email"), Role(input))))
            .BindField("Mutation", "declineInvitation", ctx => Invitation(ctx, run, (input, caller, _) =>
            {
                var id = input.Id("invitationId", GlobalIdKind.Invitation);
                return new DeclineInvitation(caller.Id, run.Now, id[0], id[1], caller.Email);
            }))
            .BindField("Mutation", "revokeInvitation", ctx => Invitation(ctx, run, (input, caller, _) =>
            {
                var id = input.Id("invitationId", GlobalIdKind.Invitation);
                return new RevokeInvitation(caller.Id, run.Now, id[0], id[1]);
            }));
    }

    private static Guid WorkspaceId(Input input) => input.Id("workspaceId", GlobalIdKind.Workspace)[0];

    private static WorkspaceRole Role(Input input) => input.Enum<WorkspaceRole>("role") ?? throw new InputException("role is required.", "role");

    private static ValueTask<object?> Workspace(ResolveContext ctx, MutationRunner run, Func<Input, Caller, CommandOptions, Domain.Workspaces.WorkspaceCommand> build) =>
        run.RunAsync(ctx, "workspace", ReadModelNames.Workspace, async (input, caller, options, ct) =>
        {
            var command = build(input, caller, options);
            var result = await run.Commands.HandleAsync(command, options, ct);
            return (result, async () => (object?)await WorkspaceSchema.LoadAsync(ctx, command.WorkspaceId, fresh: true));
        });

    private static ValueTask<object?> Invitation(ResolveContext ctx, MutationRunner run, Func<Input, Caller, CommandOptions, Domain.Workspaces.WorkspaceCommand> build) =>
        run.RunAsync(ctx, "invitation", ReadModelNames.Workspace, async (input, caller, options, ct) =>
        {
            var command = build(input, caller, options);
            var result = await run.Commands.HandleAsync(command, options, ct);
            return (result, async () =>
            {
                var workspace = await WorkspaceSchema.LoadAsync(ctx, command.WorkspaceId, fresh: true);
                var invitationId = command switch
                {
                    InviteMember i => i.InvitationId,
                    RevokeInvitation r => r.InvitationId,
                    _ => Guid.Empty,
                };
                var pending = workspace is null || !workspace.Role.CanManage()
                    ? null
                    : (await ctx.Services!.GetRequiredService<Projections.Membership.MembershipReader>().InvitationsAsync(caller.Id, command.WorkspaceId, ct))
                        .FirstOrDefault(i => i.InvitationId == invitationId);
                return (object?)new PayloadFields
                {
                    ["workspace"] = workspace,
                    ["invitation"] = pending is null || workspace is null
                        ? null
                        : new Projections.Membership.InvitationToYou(pending.InvitationId, pending.WorkspaceId, workspace.Name, pending.Email, pending.Role, pending.InvitedAt, pending.InvitedBy),
                };
            });
        });
}
