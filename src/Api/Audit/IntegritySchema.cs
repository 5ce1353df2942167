using Marten;
using TaskForge.Api.Schema;
using TaskForge.GraphQL.Execution;
using TaskForge.Storage.Events;
using TaskForge.GraphQL;
using TaskForge.GraphQL.Types;
using TaskForge.Integrity;

namespace TaskForge.Api.Audit;

/// <summary>
/// GraphQL of the integrity check: <c>verifyIntegrity(workspaceId, streamId)</c> runs <see cref="IntegrityChecker"/> on the
/// workspace's chain, or on one of its streams. A stream of another workspace (or none) is NOT_FOUND, as for a stranger.
/// </summary>
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
            var report = ctx.GetArgument<string?>("streamId") is { } streamId
                ? await CheckStreamAsync(ctx, checker, workspaceId, streamId)
                : await checker.CheckChainAsync(workspaceId.ToString(), ctx.CancellationToken);
            await AuditRequest.RecordAsync(ctx, caller, workspaceId, AuditAccessAction.IntegrityVerified, report.ToString());
            return report;
        })
        .BindField("IntegrityResult", "eventsChecked", ctx => checked((int)((IntegrityReport)ctx.Source!).EventsChecked))
        .BindField("IntegrityResult", "redactedEvents", ctx => checked((int)((IntegrityReport)ctx.Source!).RedactedEvents))
        .BindField("IntegrityBreak", "eventId", ctx => ((IntegrityBreak)ctx.Source!).Sequence)
        .BindField("IntegrityBreak", "version", ctx => ((IntegrityBreak)ctx.Source!).Version is { } version ? checked((int)version) : (int?)null);

    private static async Task<IntegrityReport> CheckStreamAsync(ResolveContext ctx, IntegrityChecker checker, Guid workspaceId, string streamId)
    {
        if (streamId.Length is 0 or > 200)
            throw new GraphQLException("streamId must name a stream (1 to 200 characters).", Domain.ErrorCodes.Validation);
        await using var session = ctx.Services!.GetRequiredService<IDocumentStore>().QuerySession();
        var first = await session.Events.QueryAllRawEvents().Where(e => e.StreamKey == streamId).OrderBy(e => e.Sequence).Take(1).ToListAsync(ctx.CancellationToken);
        if (first.Count == 0 || first[0].WorkspaceId() != workspaceId)
            throw new GraphQLException("Stream was not found in this workspace.", Domain.ErrorCodes.NotFound);
        return await checker.CheckStreamAsync(streamId, ctx.CancellationToken);
    }
}
