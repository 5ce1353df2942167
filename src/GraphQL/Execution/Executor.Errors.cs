using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Execution;

internal sealed partial class Executor
{
    public const string MaskedMessage = "Unexpected error.";

    /// <summary>Records a resolver failure and returns what the position holds: null, or a bubble for non-null types.</summary>
    private object? HandleFieldError(Exception exception, GraphQLType type, CollectedField field, PathRef path)
    {
        state.AddError(ToGraphQLError(exception, field, path));
        return type is NonNullType ? Bubble.Value : null;
    }

    private void AddFieldError(string message, CollectedField field, PathRef path) =>
        state.AddError(new GraphQLError(message, Locations(field), path.ToList()));

    private GraphQLError ToGraphQLError(Exception exception, CollectedField field, PathRef path)
    {
        switch (exception)
        {
            case GraphQLException graphQLException:
                var locations = graphQLException.Node is { } node ? [state.Operation.Document.GetLocation(node.Start)] : Locations(field);
                return new GraphQLError(graphQLException.Message, locations, path.ToList(), graphQLException.BuildExtensions());
            case ScalarCoercionException coercion:
                return new GraphQLError(coercion.Message, Locations(field), path.ToList());
            case OperationCanceledException when state.CancellationToken.IsCancellationRequested:
                return new GraphQLError("Execution was cancelled.", Locations(field), path.ToList());
        }

        var traceId = Activity.Current?.TraceId.ToHexString() ?? ActivityTraceId.CreateRandom().ToHexString();
        var fieldPath = string.Join('.', path.ToList());
        state.Logger.LogError(
            exception,
            "Resolver of {ParentType}.{Field} failed at {Path} (trace {TraceId})",
            field.ParentType.Name,
            field.Definition?.Name,
            fieldPath,
            traceId);
        return new GraphQLError(
            MaskedMessage,
            Locations(field),
            path.ToList(),
            new Dictionary<string, object?> { ["code"] = ErrorCodes.InternalServerError, ["traceId"] = traceId });
    }

    private IReadOnlyList<SourceLocation> Locations(CollectedField field)
    {
        var document = state.Operation.Document;
        var locations = new SourceLocation[field.Nodes.Count];
        for (var i = 0; i < locations.Length; i++)
        {
            locations[i] = document.GetLocation(field.Nodes[i].Start);
        }

        return locations;
    }
}
