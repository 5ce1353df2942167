using TaskForge.GraphQL.Execution.Incremental;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Execution;

/// <summary>
/// List fields whose resolver returns an <see cref="IAsyncEnumerable{T}"/>: read whole, or, under an active
/// @stream in an incremental execution, read up to <c>initialCount</c> items now and the rest as they come.
/// </summary>
internal sealed partial class Executor
{
    private const int MaxItemsPerStreamPart = 100;

    private async ValueTask<object?> CompleteAsyncListAsync(ListType type, CollectedField field, PathRef path, IAsyncEnumerable<object?> source)
    {
        var incremental = state.Incremental;
        var initialCount = 0;
        string? label = null;
        var streamed = incremental is not null && path.IsField && IncrementalState.IsStreamed(field.Node, state.Variables, out initialCount, out label);
        var enumerator = source.GetAsyncEnumerator(state.CancellationToken);
        var items = new List<object?>();
        var exhausted = false;
        try
        {
            while (!streamed || items.Count < initialCount)
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    exhausted = true;
                    break;
                }

                items.Add(enumerator.Current);
            }
        }
        catch (Exception exception) when (!IsCallerCancellation(exception))
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
            return HandleFieldError(exception, new NonNullType(type), field, path);
        }

        if (!streamed || exhausted)
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            var record = new StreamRecord(path.Materialize(), label, incremental!.Current, field, type.OfType, items, items.Count, enumerator);
            incremental.Track(record);
            incremental.OnStream(record);
        }

        return await CompleteList(type, field, path, items).ConfigureAwait(false);
    }

    /// <summary>The next items of an async stream: waits for one, takes those ready at once too; marks the record finished at the end.</summary>
    private async ValueTask<List<object?>> NextStreamItemsAsync(StreamRecord record)
    {
        var source = record.Source!;
        var items = new List<object?>();
        var next = record.PendingMove is { } pending ? new ValueTask<bool>(pending) : source.MoveNextAsync();
        record.PendingMove = null;
        while (await next.ConfigureAwait(false))
        {
            items.Add(source.Current);
            if (items.Count >= MaxItemsPerStreamPart)
            {
                return items;
            }

            next = source.MoveNextAsync();
            if (!next.IsCompleted)
            {
                // Not ready: send what we have; the next part awaits this move first.
                record.PendingMove = next.AsTask();
                return items;
            }
        }

        record.Finished = true;
        return items;
    }
}
