using System.Text.Json;

namespace TaskForge.GraphQL.Tests.Support;

/// <summary>Runs requests against an engine and returns the JSON response for assertions.</summary>
public static class Run
{
    private static readonly Lazy<GraphQLEngine> DefaultEngine = new(() => GraphQLEngine.Create(StarWarsSchema.Build()));

    public static GraphQLEngine Engine => DefaultEngine.Value;

    public static async Task<string> Json(string query, object? variables = null, GraphQLEngine? engine = null, string? operationName = null)
    {
        var result = await Execute(query, variables, engine, operationName);
        return result.ToJson();
    }

    public static async Task<ExecutionResult> Execute(string query, object? variables = null, GraphQLEngine? engine = null, string? operationName = null)
    {
        IReadOnlyDictionary<string, object?>? variableMap = variables switch
        {
            null => null,
            string json => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!.ToDictionary(p => p.Key, p => (object?)p.Value),
            IReadOnlyDictionary<string, object?> map => map,
            _ => throw new ArgumentException("variables must be JSON text or a map", nameof(variables)),
        };
        return await (engine ?? Engine).ExecuteAsync(new GraphQLRequest(query, operationName, variableMap), new RequestContext(), CancellationToken.None);
    }
}
