using System.Globalization;
using TaskForge.Api.Accounts;
using TaskForge.Api.Commands;
using TaskForge.Api.Schema;
using TaskForge.Domain;
using TaskForge.Integrity;
using TaskForge.Storage.EventLog;

namespace TaskForge.Api.Audit;

/// <summary>
/// <c>GET /audit/workspaces/{workspaceId}/export?format=ndjson|csv&amp;after=&lt;eventId&gt;</c> (ADR 0113): the workspace's
/// whole history after an event id, oldest first, bounded by the high-water mark (and by how far the hash chain
/// reaches, so the manifest's chain head is the link of the last exported event), streamed page by page.
/// Same credentials and roles as the <c>auditLog</c> query: 401 without credentials, 404 for a non-member, 403 for a
/// member who may not audit, 400 for bad parameters.
/// </summary>
public static class AuditExportEndpoint
{
    public const string Route = "/audit/workspaces/{workspaceId}/export";

    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, ExportAsync);
        return app;
    }

    private static async Task ExportAsync(HttpContext http, string workspaceId, string? format, string? after)
    {
        if (Caller.Find(http.User) is not { } caller)
        {
            await ErrorResponses.WriteAsync(http, StatusCodes.Status401Unauthorized, Caller.Unauthenticated, "Sign in first: send an access token (Authorization: Bearer) or an API key (X-API-Key).");
            return;
        }

        if (Parse(workspaceId, format, after) is not { } request)
        {
            await ErrorResponses.WriteAsync(http, StatusCodes.Status400BadRequest, ErrorCodes.Validation,
                "workspaceId must be a Workspace id, format ndjson or csv, and after an event id (digits).");
            return;
        }

        var services = http.RequestServices;
        var cancellationToken = http.RequestAborted;
        if (await services.GetRequiredService<AuditAuthorizer>().CheckAsync(caller.Id, request.WorkspaceId, "export the audit log", cancellationToken) is { } denied)
        {
            var status = denied.Code == ErrorCodes.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound;
            await ErrorResponses.WriteAsync(http, status, denied.Code, denied.Message);
            return;
        }

        var through = await ThroughAsync(services, cancellationToken);
        await services.GetRequiredService<AuditAccessLog>().RecordAsync(request.WorkspaceId, caller.Id, AuditAccessAction.Exported,
            $"format={request.Format} after={request.After} through={through}", RequestOrigin.Of(http), cancellationToken);

        http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{request.WorkspaceId:N}-{request.After}.{request.Format}\"";
        await using IExportWriter writer = request.Format == "csv" ? new CsvExportWriter(http.Response.Body) : new NdjsonExportWriter(http.Response.Body);
        http.Response.ContentType = writer.ContentType;
        await WriteAsync(services, writer, request, through, cancellationToken);
    }

    private static async Task WriteAsync(IServiceProvider services, IExportWriter writer, ExportRequest request, long through, CancellationToken cancellationToken)
    {
        long? first = null, last = null;
        long count = 0;
        await foreach (var entry in services.GetRequiredService<AuditLogReader>().ReadAllAsync(request.WorkspaceId, request.After, through, cancellationToken))
        {
            first ??= entry.EventId;
            last = entry.EventId;
            count++;
            await writer.WriteAsync(entry, cancellationToken);
        }

        var head = services.GetService<ChainHeads>() is { } heads
            ? await heads.AtAsync(request.WorkspaceId.ToString(), last ?? through, cancellationToken)
            : null;
        var clock = services.GetRequiredService<TimeProvider>();
        await writer.FinishAsync(new ExportManifest(GlobalId.Workspace(request.WorkspaceId), request.Format, request.After, through, first, last, count, head,
            clock.GetUtcNow()), cancellationToken);
    }

    /// <summary>The high-water mark, lowered to how far the hash chain reaches when the chain is on.</summary>
    private static async Task<long> ThroughAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var mark = await services.GetRequiredService<HighWaterMark>().ReadAsync(cancellationToken);
        if (services.GetService<ChainHeads>() is not { } heads)
            return mark;
        var chained = (await heads.AtAsync(ChainKeys.Global, mark, cancellationToken)).ChainedThrough;
        return Math.Min(mark, chained);
    }

    private static ExportRequest? Parse(string workspaceId, string? format, string? after)
    {
        var workspace = GlobalId.TryParse(workspaceId) is { Kind: GlobalIdKind.Workspace } id ? id[0]
            : Guid.TryParse(workspaceId, CultureInfo.InvariantCulture, out var guid) ? guid
            : (Guid?)null;
        var kind = (format ?? "ndjson").ToLowerInvariant();
        long position = 0;
        var validAfter = after is null || (after.Length is > 0 and <= 19 && long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out position));
        return workspace is { } w && kind is "ndjson" or "csv" && validAfter ? new ExportRequest(w, kind, position) : null;
    }

    private sealed record ExportRequest(Guid WorkspaceId, string Format, long After);
}
