using Microsoft.Extensions.Logging;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Execution;

/// <summary>The spec's CreateSourceEventStream: the subscription root field's bound stream, or the error that prevented it.</summary>
internal sealed class SubscriptionSource
{
    public ExecutionResult? Error { get; private init; }

    public IAsyncEnumerable<object?>? Events { get; private init; }

    public ObjectType? RootType { get; private init; }

    public CollectedField[]? Fields { get; private init; }

    private CollectedField? Field { get; init; }

    /// <summary>
    /// The root value an event is executed against. Without a bound resolver the event itself is the field's value,
    /// unless it already is a map holding the field's name.
    /// </summary>
    public object? RootFor(object? item)
    {
        var definition = Field!.Definition!;
        if (definition.Resolver is not null || (item is IReadOnlyDictionary<string, object?> map && map.ContainsKey(definition.Name)))
        {
            return item;
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal) { [definition.Name] = item };
    }

    public static async ValueTask<SubscriptionSource> CreateAsync(
        Schema schema,
        PreparedOperation operation,
        IReadOnlyDictionary<string, object?> variables,
        RequestContext context,
        ILogger logger,
        object? rootValue,
        CancellationToken cancellationToken)
    {
        var location = operation.Document.GetLocation(operation.Definition.Start);
        if (operation.Kind != OperationKind.Subscription || schema.Subscription is not { } rootType)
        {
            return Failed(new GraphQLError("Schema is not configured to execute subscription operation.", [location]));
        }

        var state = new ExecutionState(schema, operation, variables, context, logger, cancellationToken);
        var fields = FieldCollector.CollectRoot(state, rootType, operation.Definition.SelectionSet);
        var field = fields.FirstOrDefault(f => f.Definition is not null && !f.IsTypeName);
        if (field is null)
        {
            return Failed(new GraphQLError("The subscription has no field to subscribe to.", [location]));
        }

        var definition = field.Definition!;
        var fieldLocation = operation.Document.GetLocation(field.Node.Start);
        var path = new List<object> { field.ResponseKey };
        if (definition.Subscriber is not { } subscriber)
        {
            return Failed(new GraphQLError(
                $"Subscription field \"{rootType.Name}.{definition.Name}\" has no source stream bound.", [fieldLocation], path));
        }

        try
        {
            var arguments = field.GetArguments(state);
            var resolveContext = new ResolveContext(state, rootValue, arguments, field, new PathRef(ResultPath.Root, field.ResponseKey, -1));
            var events = await subscriber(resolveContext).ConfigureAwait(false);
            return new SubscriptionSource { Events = events, RootType = rootType, Fields = fields, Field = field };
        }
        catch (GraphQLException exception)
        {
            return Failed(new GraphQLError(exception.Message, [fieldLocation], path, exception.BuildExtensions()));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var traceId = System.Diagnostics.Activity.Current?.TraceId.ToHexString()
                ?? System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();
            logger.LogError(exception, "Subscribing to {Field} failed (trace {TraceId})", definition.Name, traceId);
            return Failed(new GraphQLError(Executor.MaskedMessage, [fieldLocation], path,
                new Dictionary<string, object?> { ["code"] = ErrorCodes.InternalServerError, ["traceId"] = traceId }));
        }
    }

    private static SubscriptionSource Failed(GraphQLError error) => new() { Error = ExecutionResult.FromErrors([error]) };
}
