using System.Text.Json;
using TaskForge.Api.Tests.GraphQL.Support;

namespace TaskForge.Api.Tests.Audit;

/// <summary>The auditors' GraphQL documents the tests send.</summary>
public static class AuditQueries
{
    public const string Entry = """
        eventId id type streamId version occurredAt recordedAt data
        metadata { actorId actor { id } correlationId causationId clientIp userAgent headers }
        """;

    public const string Log = $$"""
        query($ws: ID!, $filter: AuditLogFilter, $first: Int, $after: String, $order: AuditOrder) {
          auditLog(workspaceId: $ws, filter: $filter, first: $first, after: $after, order: $order) {
            edges { cursor node { {{Entry}} } } pageInfo { hasNextPage endCursor }
          }
        }
        """;

    public static Task<GraphQLResponse> LogAsync(GraphQLClient client, string workspaceId, object? filter = null, int? first = null, string? after = null, string? order = null) =>
        client.QueryAsync(Log, new { ws = workspaceId, filter, first, after, order });

    /// <summary>Every entry of the log through every page.</summary>
    public static async Task<IReadOnlyList<JsonElement>> AllAsync(GraphQLClient client, string workspaceId, object? filter = null, string? order = null, int first = 7)
    {
        var entries = new List<JsonElement>();
        string? after = null;
        while (true)
        {
            var page = (await LogAsync(client, workspaceId, filter, first, after, order)).Data("auditLog");
            entries.AddRange(page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")));
            if (!page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
                return entries;
            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
    }

    /// <summary>The GraphQL error code of a denied or invalid query (the field is null, the error names the code).</summary>
    public static string ErrorOf(GraphQLResponse response)
    {
        Assert.True(response.HasErrors, response.Text);
        return response.ErrorCode();
    }
}
