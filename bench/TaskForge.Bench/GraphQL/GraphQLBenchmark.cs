using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaskForge.Bench.Common;
using TaskForge.GraphQL;
using TaskForge.GraphQL.Language;

namespace TaskForge.Bench.GraphQL;

/// <summary>
/// The GraphQL suite: parse + validate + execute + JSON serialization of a board query (nested lists, fragments,
/// variables, 60 selected fields, ~26 KB response) over in-memory data, parse only, an automatic persisted query
/// hit, and the query with @defer on each project's tasks; TaskForge.GraphQL beside graphql-js (16 for the plain
/// cases, 17's experimentalExecuteIncrementally for @defer) on the same schema, data and query, in the same run. Rounds alternate between the two engines (one
/// thread each, never at the same time) so that both see the same background load.
/// Options: --rounds N (default 5), --seconds N per round and case (default 2), --warmup N (default 3).
/// </summary>
public static class GraphQLBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = (int)Option(args, "--rounds", 5);
        var round = TimeSpan.FromSeconds(Option(args, "--seconds", 2));
        var warmup = TimeSpan.FromSeconds(Option(args, "--warmup", 3));
        var folder = BenchTree.Bench("graphql-js");
        await NodeScripts.EnsureInstalledAsync(folder, CancellationToken.None);
        var query = await File.ReadAllTextAsync(Path.Combine(folder, "query.graphql"));
        var deferQuery = await File.ReadAllTextAsync(Path.Combine(folder, "query-defer.graphql"));
        using var variablesJson = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "variables.json")));
        var request = new GraphQLRequest(query, Variables: (IReadOnlyDictionary<string, object?>?)JsonValues.ToClr(variablesJson.RootElement));
        var engine = BenchSchema.CreateEngine(folder, documentCacheSize: 0);
        var cachingEngine = BenchSchema.CreateEngine(folder, documentCacheSize: 1000);
        var sameResponse = await SameResponseAsync(folder, engine, request);

        // An APQ hit: the hash alone, after one registration (the client's first request with the text).
        var hash = TaskForge.GraphQL.Persisted.PersistedHash.Of(query);
        var persisted = new Dictionary<string, object?> { ["persistedQuery"] = new Dictionary<string, object?> { ["version"] = 1L, ["sha256Hash"] = hash } };
        var apqEngine = BenchSchema.CreateEngine(folder, documentCacheSize: 1000);
        apqEngine.Prepare(request with { Extensions = persisted });
        var apqRequest = new GraphQLRequest(null, Variables: request.Variables, Extensions: persisted);
        var deferEngine = BenchSchema.CreateEngine(folder, documentCacheSize: 0, deferAndStream: true);
        var deferRequest = request with { Query = deferQuery };
        var sameParts = await SameDeferredPartsAsync(folder, deferEngine, deferRequest);

        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using var writer = new Utf8JsonWriter(buffer);
        async ValueTask RunOnceAsync(GraphQLEngine engine)
        {
            var prepared = engine.Prepare(request);
            if (!prepared.IsSuccess)
            {
                throw new InvalidOperationException(prepared.Errors[0].Message);
            }

            var result = await engine.ExecuteAsync(prepared.Operation, request, new RequestContext(), CancellationToken.None);
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            result.WriteTo(writer);
            writer.Flush();
        }

        var partCount = 0;
        async ValueTask RunDeferredAsync()
        {
            var prepared = deferEngine.Prepare(deferRequest);
            if (!prepared.IsSuccess)
            {
                throw new InvalidOperationException(prepared.Errors[0].Message);
            }

            buffer.ResetWrittenCount();
            partCount = 0;
            await foreach (var part in deferEngine.ExecuteIncrementalAsync(prepared.Operation, deferRequest, new RequestContext(), CancellationToken.None))
            {
                writer.Reset(buffer);
                part.WriteTo(writer);
                writer.Flush();
                partCount++;
            }
        }

        Func<ValueTask> full = () => RunOnceAsync(engine);
        Func<ValueTask> cached = () => RunOnceAsync(cachingEngine);
        Func<ValueTask> apq = () => RunApqAsync();
        Func<ValueTask> deferred = RunDeferredAsync;
        async ValueTask RunApqAsync()
        {
            var prepared = apqEngine.Prepare(apqRequest);
            if (!prepared.IsSuccess)
            {
                throw new InvalidOperationException("APQ miss in the benchmark: " + prepared.Errors[0].Message);
            }

            var result = await apqEngine.ExecuteAsync(prepared.Operation, apqRequest, new RequestContext(), CancellationToken.None);
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            result.WriteTo(writer);
            writer.Flush();
        }
        Func<ValueTask> parse = () =>
        {
            Parser.Parse(query);
            return ValueTask.CompletedTask;
        };

        using var baseline = await GraphQLJsBaseline.StartAsync(folder, CancellationToken.None);
        Console.WriteLine($"warm-up {warmup.TotalSeconds} s per engine and case, then {rounds} rounds of {round.TotalSeconds} s…");
        await baseline.WarmUpAsync("full", warmup);
        await baseline.WarmUpAsync("parse", warmup / 2);
        await baseline.WarmUpAsync("defer", warmup / 2);
        await LatencyRecorder.WarmUpAsync(full, warmup);
        await LatencyRecorder.WarmUpAsync(cached, warmup / 2);
        await LatencyRecorder.WarmUpAsync(apq, warmup / 2);
        await LatencyRecorder.WarmUpAsync(parse, warmup / 2);
        await LatencyRecorder.WarmUpAsync(deferred, warmup / 2);

        var (fullRecorder, cachedRecorder, parseRecorder) = (new LatencyRecorder(), new LatencyRecorder(), new LatencyRecorder());
        var (apqRecorder, deferRecorder) = (new LatencyRecorder(), new LatencyRecorder());
        for (var i = 0; i < rounds; i++)
        {
            await baseline.RoundAsync("full", round);
            await fullRecorder.RecordAsync(full, round);
            await cachedRecorder.RecordAsync(cached, round);
            await apqRecorder.RecordAsync(apq, round);
            await baseline.RoundAsync("parse", round);
            await parseRecorder.RecordAsync(parse, round);
            await baseline.RoundAsync("defer", round);
            await deferRecorder.RecordAsync(deferred, round);
            Console.WriteLine($"round {i + 1}/{rounds} done");
        }

        await RunOnceAsync(engine);
        var responseBytes = buffer.WrittenCount;
        var ours = new GraphQLReport.OurResults(
            fullRecorder.Summarize(), cachedRecorder.Summarize(), parseRecorder.Summarize(), responseBytes, sameResponse)
        {
            ApqHit = apqRecorder.Summarize(),
            Deferred = deferRecorder.Summarize(),
            DeferredParts = partCount,
            SameDeferredParts = sameParts,
        };
        await GraphQLReport.WriteAsync(await baseline.ReportAsync(), ours, rounds, round);
        return 0;
    }

    private static async Task<bool> SameResponseAsync(string folder, GraphQLEngine engine, GraphQLRequest request)
    {
        var prepared = engine.Prepare(request);
        if (!prepared.IsSuccess)
        {
            throw new InvalidOperationException($"The benchmark query does not validate: {prepared.Errors[0].Message}");
        }

        var ours = (await engine.ExecuteAsync(prepared.Operation, request, new RequestContext(), CancellationToken.None)).ToJson();
        var theirs = await GraphQLJsBaseline.PrintResponseAsync(folder, CancellationToken.None);
        return JsonNode.DeepEquals(JsonNode.Parse(ours), JsonNode.Parse(theirs));
    }

    /// <summary>Both engines send the same number of parts and the same initial part for the deferred query.</summary>
    private static async Task<bool> SameDeferredPartsAsync(string folder, GraphQLEngine engine, GraphQLRequest request)
    {
        var prepared = engine.Prepare(request);
        if (!prepared.IsSuccess)
        {
            throw new InvalidOperationException($"The deferred benchmark query does not validate: {prepared.Errors[0].Message}");
        }

        var ours = new List<string>();
        await foreach (var part in engine.ExecuteIncrementalAsync(prepared.Operation, request, new RequestContext(), CancellationToken.None))
        {
            ours.Add(part.ToJson());
        }

        var theirs = (await GraphQLJsBaseline.PrintDeferredPartsAsync(folder, CancellationToken.None)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return ours.Count == theirs.Length && JsonNode.DeepEquals(JsonNode.Parse(ours[0]), JsonNode.Parse(theirs[0]));
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
