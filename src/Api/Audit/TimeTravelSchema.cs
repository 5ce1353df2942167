using System.Globalization;
using TaskForge.Api.Schema;
using TaskForge.Domain;
using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Types;

namespace TaskForge.Api.Audit;

/// <summary>GraphQL of time travel: <c>taskAsOf</c>, <c>projectAsOf</c> and <c>workspaceAsOf</c>, replayed by <see cref="StateHistory"/>.</summary>
public static class TimeTravelSchema
{
    public static SchemaBuilder BindTimeTravel(this SchemaBuilder schema, IServiceProvider services)
    {
        var history = services.GetRequiredService<StateHistory>();
        return schema
            .BindFieldAsync("Query", "taskAsOf", ctx => AsOfAsync(ctx, history, GlobalIdKind.Task, id => (id[0], StreamIds.Task(id[2]))))
            .BindFieldAsync("Query", "projectAsOf", ctx => AsOfAsync(ctx, history, GlobalIdKind.Project, id => (id[0], StreamIds.Project(id[1]))))
            .BindFieldAsync("Query", "workspaceAsOf", ctx => AsOfAsync(ctx, history, GlobalIdKind.Workspace, id => (id[0], StreamIds.Workspace(id[0]))));
    }

    private static async Task<StateSnapshot?> AsOfAsync(ResolveContext context, StateHistory history, GlobalIdKind kind, Func<GlobalId, (Guid WorkspaceId, string StreamId)> locate)
    {
        var (workspaceId, streamId) = locate(GlobalId.Parse(context.GetArgument<string>("id"), kind, "id"));
        var atEventId = context.GetArgument<long?>("atEventId");
        var at = context.GetArgument<DateTimeOffset?>("at");
        if (atEventId is null == at is null)
            throw new InputException("Give exactly one of atEventId and at.", atEventId is null ? "atEventId" : "at");

        var caller = await AuditRequest.AuthorizeAsync(context, workspaceId, "read past states");
        var snapshot = await history.AsOfAsync(workspaceId, streamId, atEventId, at, context.CancellationToken);
        var point = atEventId is { } id ? $"atEventId={id.ToString(CultureInfo.InvariantCulture)}" : $"at={at!.Value.ToString("O", CultureInfo.InvariantCulture)}";
        await AuditRequest.RecordAsync(context, caller, workspaceId, AuditAccessAction.StateRead, $"{streamId} {point} -> version {snapshot?.Version ?? 0}");
        return snapshot;
    }
}
