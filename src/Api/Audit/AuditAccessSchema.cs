using System.Globalization;
using TaskForge.Api.Schema;
using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Types;

namespace TaskForge.Api.Audit;

/// <summary>GraphQL of the access log: <c>auditAccessLog</c> (reading it is not itself recorded) and the AuditAccess type.</summary>
public static class AuditAccessSchema
{
    public static SchemaBuilder BindAuditAccess(this SchemaBuilder schema, IServiceProvider services)
    {
        var log = services.GetRequiredService<AuditAccessLog>();
        return schema
            .BindEnum<AuditAccessAction>("AuditAccessAction")
            .BindFieldAsync("Query", "auditAccessLog", async ctx =>
            {
                var workspaceId = GlobalId.Parse(ctx.GetArgument<string>("workspaceId"), GlobalIdKind.Workspace, "workspaceId")[0];
                var size = Connections.PageSize(ctx, AuditOptions.DefaultPageSize, AuditOptions.MaxPageSize);
                var after = Cursor(ctx);
                await AuditRequest.AuthorizeAsync(ctx, workspaceId, "read the audit access log");
                var records = await log.PageAsync(workspaceId, after, size, ctx.CancellationToken);
                return Connections.FromProbe(records, size, Key, after is not null);
            })
            .BindField("AuditAccess", "id", ctx => Record(ctx).Id.ToString())
            .BindField("AuditAccess", "actorId", ctx => GlobalId.User(Record(ctx).ActorId))
            .BindFieldAsync("AuditAccess", "actor", ctx => Users.LoadAsync(ctx, Record(ctx).ActorId));
    }

    private static string Key(AuditAccessRecord record) => $"{record.At.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{record.Id:N}";

    private static (DateTimeOffset, Guid)? Cursor(ResolveContext context)
    {
        if (Connections.After(context) is not { } key)
            return null;
        var parts = key.Split(':');
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks && Guid.TryParseExact(parts[1], "N", out var id)
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : throw new InputException("after is not a cursor of this list.", "after");
    }

    private static AuditAccessRecord Record(ResolveContext context) => (AuditAccessRecord)context.Source!;
}
