using TaskForge.Bench.EventStore;

// Each suite writes a markdown report under bench/results/. Usage: dotnet run -c Release --project bench/TaskForge.Bench -- <suite> [options]
var suites = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["api"] = TaskForge.Bench.Api.ApiBenchmark.RunAsync,
    ["eventstore"] = EventStoreBenchmark.RunAsync,
    ["export"] = TaskForge.Bench.Export.ExportBenchmark.RunAsync,
    ["graphql"] = TaskForge.Bench.GraphQL.GraphQLBenchmark.RunAsync,
    ["integrity"] = TaskForge.Bench.Integrity.IntegrityBenchmark.RunAsync,
    ["projections"] = TaskForge.Bench.Projections.ProjectionBenchmark.RunAsync,
    ["realtime"] = TaskForge.Bench.Realtime.RealtimeBenchmark.RunAsync,
};

if (args.Length == 0 || !suites.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: TaskForge.Bench <{string.Join('|', suites.Keys)}> [options]");
    return 2;
}

return await run(args[1..]);
