using System.Collections;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Execution;

internal sealed partial class Executor
{
    private ValueTask<object?> CompleteValue(GraphQLType type, CollectedField field, PathRef path, object? result)
    {
        if (type is NonNullType nonNull)
        {
            var inner = CompleteValue(nonNull.OfType, field, path, result);
            if (!inner.IsCompletedSuccessfully)
            {
                return AwaitNonNullAsync(inner, field, path);
            }

            return new ValueTask<object?>(CheckNonNull(inner.Result, field, path));
        }

        if (result is null)
        {
            return new ValueTask<object?>((object?)null);
        }

        try
        {
            return type switch
            {
                ListType list => CompleteList(list, field, path, result),
                ScalarType scalar => new ValueTask<object?>(CompleteScalar(scalar, field, path, result)),
                EnumType enumType => new ValueTask<object?>(CompleteEnum(enumType, field, path, result)),
                ObjectType obj => CompleteObject(obj, field, path, result),
                _ => CompleteAbstract((NamedType)type, field, path, result),
            };
        }
        catch (Exception exception) when (!IsCallerCancellation(exception))
        {
            return new ValueTask<object?>(HandleFieldError(exception, new NonNullType(type), field, path));
        }
    }

    private async ValueTask<object?> AwaitNonNullAsync(ValueTask<object?> inner, CollectedField field, PathRef path) =>
        CheckNonNull(await inner.ConfigureAwait(false), field, path);

    private object? CheckNonNull(object? value, CollectedField field, PathRef path)
    {
        if (value is null)
        {
            AddFieldError($"Cannot return null for non-nullable field {field.ParentType.Name}.{field.Definition!.Name}.", field, path);
            return Bubble.Value;
        }

        return value;
    }

    private ValueTask<object?> CompleteList(ListType type, CollectedField field, PathRef path, object result)
    {
        if (result is string || result is not IEnumerable sequence || result is IReadOnlyDictionary<string, object?>)
        {
            if (result is IAsyncEnumerable<object?> source)
            {
                return CompleteAsyncListAsync(type, field, path, source);
            }

            AddFieldError($"Expected Iterable, but did not find one for field \"{field.ParentType.Name}.{field.Definition!.Name}\".", field, path);
            return new ValueTask<object?>(Bubble.Value);
        }

        var items = sequence as IList ?? sequence.Cast<object?>().ToList();
        var listPath = path.Materialize();
        var itemType = type.OfType;
        var count = items.Count;
        if (state.Incremental is { } incremental && path.IsField
            && Incremental.IncrementalState.IsStreamed(field.Node, state.Variables, out var initialCount, out var label) && initialCount < count)
        {
            // The rest of the list goes out later, as the stream's items (graphql-js sends no stream when all fit).
            count = initialCount;
            incremental.OnStream(new Incremental.StreamRecord(listPath, label, incremental.Current, field, itemType, items, initialCount));
        }

        var values = new object?[count];
        List<Task>? pending = null;
        var bubbled = false;
        using (state.DataLoaders.EnterScope())
        {
            for (var i = 0; i < values.Length; i++)
            {
                var item = AtPosition(itemType, CompleteValue(itemType, field, new PathRef(listPath, null, i), items[i]));
                if (item.IsCompletedSuccessfully)
                {
                    values[i] = item.Result;
                    if (Bubble.Is(values[i]))
                    {
                        // The list becomes null: its remaining items are not completed (as in graphql-js).
                        bubbled = true;
                        break;
                    }
                }
                else
                {
                    (pending ??= []).Add(StoreItemAsync(values, i, item));
                }
            }
        }

        if (pending is null)
        {
            return new ValueTask<object?>(bubbled ? Bubble.Value : values);
        }

        return AwaitItemsAsync(values, pending, bubbled);
    }

    private static async Task StoreItemAsync(object?[] values, int index, ValueTask<object?> item) =>
        values[index] = await item.ConfigureAwait(false);

    private static async ValueTask<object?> AwaitItemsAsync(object?[] values, List<Task> pending, bool bubbled)
    {
        await Task.WhenAll(pending).ConfigureAwait(false);
        if (bubbled)
        {
            return Bubble.Value;
        }

        foreach (var value in values)
        {
            if (Bubble.Is(value))
            {
                return Bubble.Value;
            }
        }

        return values;
    }

    private object? CompleteScalar(ScalarType scalar, CollectedField field, PathRef path, object result)
    {
        object? serialized;
        try
        {
            serialized = scalar.Coercion.Serialize(result);
        }
        catch (ScalarCoercionException exception)
        {
            AddFieldError(exception.Message, field, path);
            return Bubble.Value;
        }

        if (serialized is null)
        {
            AddFieldError($"Expected `{scalar.Name}.serialize({Inspect.Value(result)})` to return non-nullable value, returned: null", field, path);
            return Bubble.Value;
        }

        return serialized;
    }

    private object? CompleteEnum(EnumType type, CollectedField field, PathRef path, object result)
    {
        var value = type.FindByInternalValue(result) ?? (result is string name ? type.GetValue(name) : null);
        if (value is null)
        {
            AddFieldError($"Enum \"{type.Name}\" cannot represent value: {Inspect.Value(result)}", field, path);
            return Bubble.Value;
        }

        return value.Name;
    }

    private ValueTask<object?> CompleteObject(ObjectType type, CollectedField field, PathRef path, object result)
    {
        if (type.IsTypeOf is { } isTypeOf && !isTypeOf(result))
        {
            AddFieldError($"Expected value of type \"{type.Name}\" but got: {Inspect.Value(result)}.", field, path);
            return new ValueTask<object?>(Bubble.Value);
        }

        var subfields = FieldCollector.CollectSubfields(state, type, field.Nodes);
        return ExecuteFields(type, result, path.Materialize(), subfields);
    }

    private ValueTask<object?> CompleteAbstract(NamedType abstractType, CollectedField field, PathRef path, object result)
    {
        var runtimeType = RuntimeTypes.Resolve(state, abstractType, field, path, result, out var error);
        if (runtimeType is null)
        {
            AddFieldError(error!, field, path);
            return new ValueTask<object?>(Bubble.Value);
        }

        return CompleteObject(runtimeType, field, path, result);
    }
}
