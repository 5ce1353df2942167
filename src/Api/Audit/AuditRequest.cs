using TaskForge.Api.Commands;
using TaskForge.Api.Schema;
using TaskForge.GraphQL;
using TaskForge.GraphQL.Execution;

namespace TaskForge.Api.Audit;

/// <summary>What every auditors' query does first and last: authorize the caller on the workspace, then record the access.</summary>
internal static class AuditRequest
{
    /// <summary>The caller when they may audit the workspace; a GraphQL error NOT_FOUND or FORBIDDEN otherwise.</summary>
    public static async Task<Caller> AuthorizeAsync(ResolveContext context, Guid workspaceId, string action)
    {
        var caller = Caller.Require(context);
        var authorizer = context.Services!.GetRequiredService<AuditAuthorizer>();
        return await authorizer.CheckAsync(caller.Id, workspaceId, action, context.CancellationToken) is { } denied
            ? throw new GraphQLException(denied.Message, denied.Code)
            : caller;
    }

    public static Task RecordAsync(ResolveContext context, Caller caller, Guid workspaceId, AuditAccessAction action, string detail) =>
        context.Services!.GetRequiredService<AuditAccessLog>().RecordAsync(workspaceId, caller.Id, action, detail,
            context.Items.TryGetValue(RequestOrigin.ItemKey, out var origin) ? origin as RequestOrigin : null, context.CancellationToken);
}
