using System.Collections;
using TaskForge.GraphQL.Execution.Incremental;

namespace TaskForge.GraphQL.Execution;

/// <summary>
/// Incremental delivery (docs/adr/0038): the initial result without the deferred fragments and with the first
/// items of streamed lists, then one part per wave of records: the records announced in the previous part run,
/// their new data goes out, and the records they contain are announced.
/// </summary>
internal sealed partial class Executor
{
    public async IAsyncEnumerable<IncrementalPart> ExecuteIncrementallyAsync(object? rootValue)
    {
        var incremental = state.Incremental!;
        var initial = await ExecuteInitialAsync(rootValue).ConfigureAwait(false);
        var delivered = new DeliveredTree(initial.Data);
        var ids = 0;
        var wave = Announce(incremental.TakeFound(), delivered, ref ids);
        if (wave.Count == 0)
        {
            yield return IncrementalPart.Plain(initial);
            yield break;
        }

        try
        {
            yield return IncrementalPart.First(initial, [.. wave.Select(Pending)]);
            while (wave.Count > 0)
            {
                var (part, next, again) = await RunWaveAsync(wave, delivered).ConfigureAwait(false);
                var announced = next is null ? [] : Announce(next, delivered, ref ids);
                wave = [.. again, .. announced];
                yield return next is null ? part : IncrementalPart.Subsequent([.. announced.Select(Pending)], part.Incremental, part.Completed, wave.Count > 0);
            }
        }
        finally
        {
            await incremental.DisposeSourcesAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask<ExecutionResult> ExecuteInitialAsync(object? rootValue)
    {
        try
        {
            return await ExecuteAsync(rootValue).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (state.CancellationToken.IsCancellationRequested)
        {
            return ExecutionResult.FromErrors([GraphQLError.WithCode("The operation did not complete in time.", ErrorCodes.ExecutionTimeout)]);
        }
    }

    /// <summary>
    /// Runs the records of one wave; returns their part (without its pending list) and the records found inside them.
    /// When the execution timeout strikes, every record of the wave not finished yet completes with the timeout error
    /// and the response ends (null records).
    /// </summary>
    private async ValueTask<(IncrementalPart Part, List<IncrementalRecord>? Found, List<IncrementalRecord> Again)> RunWaveAsync(
        List<IncrementalRecord> wave, DeliveredTree delivered)
    {
        var incremental = state.Incremental!;
        var entries = new List<IncrementalEntry>();
        var completed = new List<CompletedResult>();
        var next = new List<IncrementalRecord>();
        var again = new List<IncrementalRecord>();
        for (var i = 0; i < wave.Count; i++)
        {
            var record = wave[i];
            incremental.Current = record;
            var errorsBefore = state.ErrorCount;
            try
            {
                var failed = record is DeferredRecord deferred
                    ? await RunDeferredAsync(deferred, delivered, entries, errorsBefore).ConfigureAwait(false)
                    : await RunStreamAsync((StreamRecord)record, delivered, entries, errorsBefore).ConfigureAwait(false);
                if (record is StreamRecord { Finished: false } && failed is null)
                {
                    again.Add(record);
                }
                else
                {
                    completed.Add(new CompletedResult(record.Id, failed));
                }

                next.AddRange(failed is null ? incremental.TakeFound() : DropFound(incremental));
            }
            catch (OperationCanceledException) when (state.CancellationToken.IsCancellationRequested)
            {
                var timeout = GraphQLError.WithCode("The operation did not complete in time.", ErrorCodes.ExecutionTimeout);
                completed.AddRange(wave.Skip(i).Select(r => new CompletedResult(r.Id, [timeout])));
                incremental.Current = null;
                return (IncrementalPart.Subsequent([], entries, completed, hasNext: false), null, []);
            }
        }

        incremental.Current = null;
        return (IncrementalPart.Subsequent([], entries, completed, hasNext: false), next, again);
    }

    /// <summary>Runs a deferred fragment; returns its errors when it failed (its data became null), else null.</summary>
    private async ValueTask<IReadOnlyList<GraphQLError>?> RunDeferredAsync(
        DeferredRecord record, DeliveredTree delivered, List<IncrementalEntry> entries, int errorsBefore)
    {
        var fields = FieldCollector.CollectDeferred(state, record.Type, record.SelectionSets);
        var data = await ExecuteFields(record.Type, record.Source, record.Path, fields).ConfigureAwait(false);
        var errors = state.ErrorsSince(errorsBefore);
        if (Bubble.Is(data))
        {
            return errors;
        }

        var path = record.Path.ToList();
        var parts = delivered.Merge(path, (ResultMap)data!);
        var kept = errors.Where(e => e.Path is null || parts.Any(p => IsUnder(e.Path, path, p.SubPath, p.Data))).ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            entries.Add(new IncrementalEntry(record.Id, parts[i].Data, null, parts[i].SubPath, i == 0 && kept.Count > 0 ? kept : null));
        }

        return null;
    }

    /// <summary>Completes the rest of a streamed list; returns the errors when an item failed and ended the stream.</summary>
    private async ValueTask<IReadOnlyList<GraphQLError>?> RunStreamAsync(
        StreamRecord record, DeliveredTree delivered, List<IncrementalEntry> entries, int errorsBefore)
    {
        var items = new List<object?>();
        IReadOnlyList<GraphQLError>? failure = null;
        IList source = record.Items;
        var start = record.Start;
        if (record.Source is not null)
        {
            start = record.NextIndex;
            try
            {
                source = await NextStreamItemsAsync(record).ConfigureAwait(false);
            }
            catch (Exception exception) when (!IsCallerCancellation(exception))
            {
                HandleFieldError(exception, new Types.NonNullType(record.ItemType), record.Field, new PathRef(record.Path, null, start));
                record.Finished = true;
                return state.ErrorsSince(errorsBefore);
            }

            record.NextIndex += source.Count;
        }

        for (var i = record.Source is null ? start : 0; i < source.Count; i++)
        {
            var index = record.Source is null ? i : start + i;
            var value = await AtPosition(record.ItemType, CompleteValue(record.ItemType, record.Field, new PathRef(record.Path, null, index), source[i]))
                .ConfigureAwait(false);
            if (Bubble.Is(value))
            {
                failure = state.ErrorsSince(errorsBefore);
                record.Finished = true;
                break;
            }

            items.Add(value);
        }

        var path = record.Path.ToList();
        if (items.Count > 0)
        {
            var errors = failure is null ? state.ErrorsSince(errorsBefore) : [];
            entries.Add(new IncrementalEntry(record.Id, null, items, null, errors.Count > 0 ? errors : null));
            delivered.Append(path, items);
        }

        return failure;
    }

    /// <summary>Records under data that was nulled never run; the others get their ids in announcement order.</summary>
    private static List<IncrementalRecord> Announce(List<IncrementalRecord> found, DeliveredTree delivered, ref int ids)
    {
        var announced = new List<IncrementalRecord>(found.Count);
        foreach (var record in found)
        {
            if (delivered.Has(record.Path.ToList(), record is StreamRecord))
            {
                record.Id = (ids++).ToString(System.Globalization.CultureInfo.InvariantCulture);
                announced.Add(record);
            }
        }

        return announced;
    }

    private static List<IncrementalRecord> DropFound(IncrementalState incremental)
    {
        incremental.TakeFound();
        return [];
    }

    private static PendingResult Pending(IncrementalRecord record) => new(record.Id, record.Path.ToList(), record.Label);

    /// <summary>Whether an error's path lies in newly delivered data: the record's path, the part's sub-path, then one of its new keys.</summary>
    private static bool IsUnder(IReadOnlyList<object> errorPath, IReadOnlyList<object> recordPath, List<object> subPath, object data)
    {
        var prefix = recordPath.Count + subPath.Count;
        if (errorPath.Count <= prefix)
        {
            return false;
        }

        for (var i = 0; i < prefix; i++)
        {
            var expected = i < recordPath.Count ? recordPath[i] : subPath[i - recordPath.Count];
            if (!Equals(errorPath[i], expected))
            {
                return false;
            }
        }

        return errorPath[prefix] is string key && data is IReadOnlyDictionary<string, object?> map && map.ContainsKey(key);
    }
}
