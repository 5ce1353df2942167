using System.Buffers;
using System.Globalization;
using System.Text.Json;
using TaskForge.GraphQL;
using TaskForge.GraphQL.Language;

namespace TaskForge.Bench.GraphQL;

/// <summary>
/// The GraphQL suite: parse + validate + execute + JSON serialization of a board query (nested lists, fragments,
/// variables, 60 selected fields, ~26 KB response) over in-memory data, and parse only; TaskForge.GraphQL beside
/// graphql-js on the same schema, data and query, measured in the same run, one after the other on one thread.
/// Options: --seconds N (measurement per case, default 10), --warmup N (default 3).
/// </summary>
public static class GraphQLBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = TimeSpan.FromSeconds(Option(args, "--seconds", 10));
        var warmup = TimeSpan.FromSeconds(Option(args, "--warmup", 3));
        var folder = Path.Combine(FindRepositoryRoot(), "bench", "graphql-js");
        var query = await File.ReadAllTextAsync(Path.Combine(folder, "query.graphql"));
        using var variablesJson = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "variables.json")));
        var request = new GraphQLRequest(query, Variables: (IReadOnlyDictionary<string, object?>?)JsonValues.ToClr(variablesJson.RootElement));
        var engine = BenchSchema.CreateEngine(folder, documentCacheSize: 0);
        var cachingEngine = BenchSchema.CreateEngine(folder, documentCacheSize: 1000);

        Console.WriteLine($"graphql-js baseline: {warmup.TotalSeconds} s warm-up, {seconds.TotalSeconds} s per case…");
        var baseline = await GraphQLJsBaseline.RunAsync(folder, seconds, warmup, CancellationToken.None);
        var sameResponse = await SameResponseAsync(folder, engine, request);

        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using var writer = new Utf8JsonWriter(buffer);
        ValueTask Full() => RunOnceAsync(engine);
        ValueTask Cached() => RunOnceAsync(cachingEngine);
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

        ValueTask Parse()
        {
            Parser.Parse(query);
            return ValueTask.CompletedTask;
        }

        Console.WriteLine("TaskForge.GraphQL…");
        await Measurement.RunAsync(Full, warmup);
        var full = await Measurement.RunAsync(Full, seconds);
        var responseBytes = buffer.WrittenCount;
        await Measurement.RunAsync(Cached, warmup / 2);
        var cached = await Measurement.RunAsync(Cached, seconds);
        await Measurement.RunAsync(Parse, warmup / 2);
        var parse = await Measurement.RunAsync(Parse, seconds);

        await GraphQLReport.WriteAsync(baseline, new GraphQLReport.OurResults(full, cached, parse, responseBytes, sameResponse), seconds);
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
        return System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse(ours), System.Text.Json.Nodes.JsonNode.Parse(theirs));
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TaskForge.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
