using TaskForge.Api.Schema;
using TaskForge.GraphQL;
using TaskForge.GraphQL.Types;
using TaskForge.Integrity;

namespace TaskForge.Api.Audit;

/// <summary>GraphQL of the integrity check: <c>verifyIntegrity(workspaceId)</c> runs <see cref="IntegrityChecker"/> on the workspace's chain.</summary>
public static class IntegritySchema
{
    public const string Unavailable = "UNAVAILABLE";

    public static SchemaBuilder BindIntegrity(this SchemaBuilder schema) => schema
        .BindFieldAsync("Query", "verifyIntegrity", async ctx =>
        {
            var workspaceId = GlobalId.Parse(ctx.GetArgument<string>("workspaceId"), GlobalIdKind.Workspace, "workspaceId")[0];
            var caller = await AuditRequest.AuthorizeAsync(ctx, workspaceId, "check the log's integrity");
            var checker = ctx.Services!.GetService<IntegrityChecker>()
                ?? throw new GraphQLException("The hash chain is turned off on this server (Integrity:Enabled=false).", Unavailable);
            var report = await checker.CheckChainAsync(workspaceId.ToString(), ctx.CancellationToken);
            await AuditRequest.RecordAsync(ctx, caller, workspaceId, AuditAccessAction.IntegrityVerified, report.ToString());
            return report;
        })
        .BindField("IntegrityResult", "eventsChecked", ctx => checked((int)((IntegrityReport)ctx.Source!).EventsChecked))
        .BindField("IntegrityResult", "redactedEvents", ctx => checked((int)((IntegrityReport)ctx.Source!).RedactedEvents))
        .BindField("IntegrityBreak", "eventId", ctx => ((IntegrityBreak)ctx.Source!).Sequence)
        .BindField("IntegrityBreak", "version", ctx => ((IntegrityBreak)ctx.Source!).Version is { } version ? checked((int)version) : (int?)null);
}
