using JasperFx.Events;
using Marten;
using Npgsql;
using TaskForge.Bench.Common;
using TaskForge.Storage.EventStore;

namespace TaskForge.Bench.EventStore;

/// <summary>
/// Which Marten settings move bare single-event appends: TaskForge's configuration, then one setting changed at a time,
/// each on its own schema, interleaved with the raw INSERT baseline in the same rounds.
/// </summary>
internal static class AppendSettingsSweep
{
    public sealed record Variant(string Name, Action<StoreOptions> Change);

    public sealed record Outcome(string Name, LoadResult Result);

    public static IReadOnlyList<Variant> Variants { get; } =
    [
        new("TaskForge's settings (Quick append, unique index on event ids, correlation/causation ids and headers)", _ => { }),
        new("Rich append mode instead of Quick", o => o.Events.AppendMode = EventAppendMode.Rich),
        new("no unique index on event ids (ADR 50 needs it)", o => o.Events.EnableUniqueIndexOnEventId = false),
        new("no correlation, causation or header columns", o =>
        {
            o.Events.MetadataConfig.CorrelationIdEnabled = false;
            o.Events.MetadataConfig.CausationIdEnabled = false;
            o.Events.MetadataConfig.HeadersEnabled = false;
        }),
    ];

    public static async Task<(LoadResult Raw, Outcome[] Variants)> RunAsync(
        NpgsqlDataSource dataSource, RawInserts raw, int clients, int rounds, TimeSpan roundDuration)
    {
        var stores = new List<IDocumentStore>();
        try
        {
            var operations = new List<Func<int, long, Task<int>>> { (c, i) => raw.InsertAsync(1) };
            for (var v = 0; v < Variants.Count; v++)
            {
                var variant = Variants[v];
                var store = DocumentStore.For(o =>
                {
                    o.Connection(dataSource);
                    o.UseTaskForgeEventStore(new EventStoreSettings { Schema = $"bench_sweep{v}" });
                    variant.Change(o);
                });
                stores.Add(store);
                await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
                var appends = new BareAppends(store, clients);
                await LoadRunner.RunAsync(clients, TimeSpan.FromSeconds(1), (c, i) => appends.AppendAsync(c, i));
                operations.Add((c, i) => appends.AppendAsync(c, i));
            }

            var results = await Interleaved.RunAsync(clients, rounds, roundDuration, [.. operations]);
            return (results[0], [.. Variants.Select((v, k) => new Outcome(v.Name, results[k + 1]))]);
        }
        finally
        {
            foreach (var store in stores)
                store.Dispose();
        }
    }
}
