using System.Globalization;
using System.Text.Json;
using TaskForge.Api.Schema;
using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Types;
using TaskForge.Storage.EventLog;

namespace TaskForge.Api.Audit;

/// <summary>GraphQL of the audit log: <c>auditLog</c> and the AuditEntry, AuditMetadata and FieldChange types.</summary>
public static class AuditLogSchema
{
    public static SchemaBuilder BindAuditLog(this SchemaBuilder schema, IServiceProvider services)
    {
        var reader = services.GetRequiredService<AuditLogReader>();
        var highWaterMark = services.GetRequiredService<HighWaterMark>();
        return schema
            .BindEnum<AuditOrder>("AuditOrder")
            .BindFieldAsync("Query", "auditLog", async ctx =>
            {
                var workspaceId = GlobalId.Parse(ctx.GetArgument<string>("workspaceId"), GlobalIdKind.Workspace, "workspaceId")[0];
                var filter = Filter(ctx);
                var size = Connections.PageSize(ctx, AuditOptions.DefaultPageSize, AuditOptions.MaxPageSize);
                var after = Connections.AfterNumber(ctx);
                var order = ctx.GetArgument<object>("order") is AuditOrder chosen ? chosen : AuditOrder.OldestFirst;
                var caller = await AuditRequest.AuthorizeAsync(ctx, workspaceId, "read the audit log");
                var mark = await highWaterMark.ReadAsync(ctx.CancellationToken);
                var entries = await reader.ReadPageAsync(workspaceId, filter, after, order, size + 1, mark, ctx.CancellationToken);
                await AuditRequest.RecordAsync(ctx, caller, workspaceId, AuditAccessAction.AuditLogRead, Describe(filter, order, after, entries.Take(size).ToList()));
                return Connections.FromProbe(entries, size, e => e.EventId.ToString(CultureInfo.InvariantCulture), after is not null);
            })
            .BindField("AuditEntry", "id", ctx => Entry(ctx).Id.ToString())
            .BindField("AuditEntry", "data", ctx => Json(Entry(ctx).DataJson))
            .BindField("AuditEntry", "metadata", ctx => ctx.Source)
            .BindFieldAsync("AuditEntry", "changes", ctx => ChangesAsync(ctx, Entry(ctx)))
            .BindFieldAsync("AuditMetadata", "actor", async ctx => Entry(ctx).ActorId is { } actor ? await Users.LoadAsync(ctx, actor) : null)
            .BindField("AuditMetadata", "actorId", ctx => AuditEntryJson.ActorId(Entry(ctx)))
            .BindField("AuditMetadata", "headers", ctx => Json(Entry(ctx).HeadersJson))
            .BindField("FieldChange", "before", ctx => ((FieldChange)ctx.Source!).Before)
            .BindField("FieldChange", "after", ctx => ((FieldChange)ctx.Source!).After);
    }

    private static AuditLogFilter Filter(ResolveContext context)
    {
        if (context.GetArgument<IReadOnlyDictionary<string, object?>>("filter") is not { } fields)
            return AuditLogFilter.None;
        var input = new Input(fields);
        var filter = new AuditLogFilter(
            input.OptionalId("actor", GlobalIdKind.User)?[0],
            input.Has("eventTypes") ? [.. input.List("eventTypes").Cast<string>()] : null,
            input.OptionalString("streamId"),
            input.DateTime("from"),
            input.DateTime("to"));
        return filter.Problem() is { } problem ? throw new InputException(problem, "filter") : filter;
    }

    /// <summary>The changes of every entry of a page, one replay per stream (batched per request).</summary>
    private static async Task<IReadOnlyList<FieldChange>?> ChangesAsync(ResolveContext context, AuditEntry entry)
    {
        if (StreamFold.For(entry.StreamId) is null)
            return null;
        var history = context.Services!.GetRequiredService<StateHistory>();
        var loader = context.GetDataLoader<(string StreamId, long Version), IReadOnlyList<FieldChange>>("auditChanges", async (keys, ct) =>
        {
            var result = new Dictionary<(string, long), IReadOnlyList<FieldChange>>();
            foreach (var stream in keys.GroupBy(k => k.StreamId))
            {
                var changes = await history.ChangesAsync(stream.Key, [.. stream.Select(k => k.Version)], ct);
                foreach (var (version, fields) in changes)
                    result[(stream.Key, version)] = fields;
            }

            return result;
        });
        return await loader.LoadAsync((entry.StreamId, entry.Version)) ?? [];
    }

    private static string Describe(AuditLogFilter filter, AuditOrder order, long? after, IReadOnlyList<AuditEntry> page) =>
        $"order={order} after={after?.ToString(CultureInfo.InvariantCulture) ?? "start"} actor={filter.ActorId?.ToString() ?? "any"} "
        + $"types={(filter.EventTypes is { } types ? string.Join('|', types) : "any")} stream={filter.StreamId ?? "any"} "
        + $"from={filter.From?.ToString("O", CultureInfo.InvariantCulture) ?? "-"} to={filter.To?.ToString("O", CultureInfo.InvariantCulture) ?? "-"} "
        + $"read={page.Count} events" + (page.Count > 0 ? $" {page[0].EventId}..{page[^1].EventId}" : "");

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static AuditEntry Entry(ResolveContext context) => (AuditEntry)context.Source!;
}
