using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Execution;

/// <summary>Executes an operation as the spec says: root fields in parallel (queries) or in series (mutations).</summary>
internal sealed partial class Executor(ExecutionState state)
{
    public async ValueTask<ExecutionResult> ExecuteAsync(object? rootValue)
    {
        var operation = state.Operation;
        var rootType = state.Schema.GetRootType(operation.Kind);
        if (rootType is null)
        {
            // Like graphql-js: an error during execution, so the response has "data": null.
            return new ExecutionResult(null, [new GraphQLError(
                $"Schema is not configured to execute {operation.Kind.ToString().ToLowerInvariant()} operation.",
                [operation.Document.GetLocation(operation.Definition.Start)])]);
        }

        var fields = FieldCollector.CollectRoot(state, rootType, operation.Definition.SelectionSet);
        object? data = operation.Kind == OperationKind.Mutation
            ? await ExecuteFieldsSeriallyAsync(rootType, rootValue, fields).ConfigureAwait(false)
            : await ExecuteFields(rootType, rootValue, ResultPath.Root, fields).ConfigureAwait(false);
        return new ExecutionResult(Bubble.Is(data) ? null : data, state.TakeErrors());
    }

    /// <summary>Runs one subscription event through the selection set, with the event as root value.</summary>
    public async ValueTask<ExecutionResult> ExecuteEventAsync(ObjectType rootType, CollectedField[] fields, object? eventValue)
    {
        var data = await ExecuteFields(rootType, eventValue, ResultPath.Root, fields).ConfigureAwait(false);
        return new ExecutionResult(Bubble.Is(data) ? null : data, state.TakeErrors());
    }

    private async ValueTask<object?> ExecuteFieldsSeriallyAsync(ObjectType type, object? source, CollectedField[] fields)
    {
        var map = new ResultMap(fields);
        var bubbled = false;
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            ValueTask<object?> pendingValue;
            using (state.DataLoaders.EnterScope())
            {
                pendingValue = field.IsTypeName
                    ? new ValueTask<object?>(type.Name)
                    : ExecuteField(type, source, field, new PathRef(ResultPath.Root, field.ResponseKey, -1));
            }

            var value = await pendingValue.ConfigureAwait(false);
            map.Set(i, value);
            if (Bubble.Is(value))
            {
                // The whole data becomes null: later mutations do not run (as in graphql-js).
                bubbled = true;
                break;
            }
        }

        return bubbled ? Bubble.Value : map;
    }

    private ValueTask<object?> ExecuteFields(ObjectType type, object? source, ResultPath path, CollectedField[] fields)
    {
        state.Incremental?.OnObject(fields, type, source, path);
        var map = new ResultMap(fields);
        List<Task>? pending = null;
        var bubbled = false;
        using (state.DataLoaders.EnterScope())
        {
            for (var i = 0; i < fields.Length; i++)
            {
                var field = fields[i];
                if (field.IsTypeName)
                {
                    map.Set(i, type.Name);
                    continue;
                }

                if (field.Definition is null)
                {
                    continue;
                }

                var result = ExecuteField(type, source, field, new PathRef(path, field.ResponseKey, -1));
                if (result.IsCompletedSuccessfully)
                {
                    var value = result.Result;
                    map.Set(i, value);
                    if (Bubble.Is(value))
                    {
                        // This object becomes null: its remaining fields are not executed (as in graphql-js).
                        bubbled = true;
                        break;
                    }
                }
                else
                {
                                        (pending ??= []).Add(StoreAsync(map, i, result));
                }
            }
        }

        if (pending is null)
        {
            return new ValueTask<object?>(bubbled ? Bubble.Value : map);
        }

        return AwaitFieldsAsync(map, pending, bubbled);
    }

    private static async Task StoreAsync(ResultMap map, int index, ValueTask<object?> pending) =>
        map.Set(index, await pending.ConfigureAwait(false));

    private static async ValueTask<object?> AwaitFieldsAsync(ResultMap map, List<Task> pending, bool bubbled)
    {
        await Task.WhenAll(pending).ConfigureAwait(false);
        if (bubbled)
        {
            return Bubble.Value;
        }

        for (var i = 0; i < map.Count; i++)
        {
            if (Bubble.Is(map.ValueAt(i)))
            {
                return Bubble.Value;
            }
        }

        return map;
    }

    private ValueTask<object?> ExecuteField(ObjectType parentType, object? source, CollectedField field, PathRef path)
    {
        var definition = field.Definition!;
        ValueTask<object?> resolved;
        try
        {
            state.CancellationToken.ThrowIfCancellationRequested();
            if (definition.Resolver is { } resolver)
            {
                var arguments = field.GetArguments(state);
                var context = ResolveContext.Rent(state, source, arguments, field, path);
                resolved = resolver(context);
                if (field.IsLeaf && resolved.IsCompletedSuccessfully)
                {
                    ResolveContext.Return(context);
                }
            }
            else
            {
                resolved = new ValueTask<object?>(DefaultResolver.Resolve(source, definition.Name));
            }
        }
        catch (Exception exception) when (!IsCallerCancellation(exception))
        {
            return new ValueTask<object?>(HandleFieldError(exception, definition.Type, field, path));
        }

        if (!resolved.IsCompletedSuccessfully)
        {
            return AwaitResolvedAsync(resolved, field, path);
        }

        return AtPosition(definition.Type, CompleteValue(definition.Type, field, path, resolved.Result));
    }

    private async ValueTask<object?> AwaitResolvedAsync(ValueTask<object?> pending, CollectedField field, PathRef path)
    {
        var type = field.Definition!.Type;
        object? result;
        try
        {
            result = await pending.ConfigureAwait(false);
        }
        catch (Exception exception) when (!IsCallerCancellation(exception))
        {
            return HandleFieldError(exception, type, field, path);
        }

        var completed = await CompleteValue(type, field, path, result).ConfigureAwait(false);
        return Bubble.Is(completed) && type is not NonNullType ? null : completed;
    }

    /// <summary>A failed value becomes null at a nullable position and keeps bubbling at a non-null one.</summary>
    private static ValueTask<object?> AtPosition(GraphQLType type, ValueTask<object?> value)
    {
        if (type is NonNullType)
        {
            return value;
        }

        if (value.IsCompletedSuccessfully)
        {
            return new ValueTask<object?>(Bubble.Is(value.Result) ? null : value.Result);
        }

        return AwaitAtPositionAsync(value);
    }

    private static async ValueTask<object?> AwaitAtPositionAsync(ValueTask<object?> value)
    {
        var result = await value.ConfigureAwait(false);
        return Bubble.Is(result) ? null : result;
    }

    private bool IsCallerCancellation(Exception exception) =>
        exception is OperationCanceledException && state.CancellationToken.IsCancellationRequested;
}
