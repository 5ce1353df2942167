using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TaskForge.Bench.Common;

namespace TaskForge.Bench.GraphQL;

/// <summary>
/// graphql-js on the same schema, data and query: bench/graphql-js/bench.mjs kept running as a child process in
/// <c>--serve</c> mode, so that its rounds can alternate with ours and both see the same background load.
/// </summary>
internal sealed class GraphQLJsBaseline : IDisposable
{
    private readonly Process _process;

    private GraphQLJsBaseline(Process process) => _process = process;

    public static async Task<GraphQLJsBaseline> StartAsync(string folder, CancellationToken cancellationToken)
    {
        await NodeScripts.EnsureInstalledAsync(folder, cancellationToken);
        var process = Process.Start(NodeScripts.Start(folder, "node", ["bench.mjs", "--serve"], redirectInput: true))
            ?? throw new InvalidOperationException("Could not start node.");
        return new GraphQLJsBaseline(process);
    }

    /// <summary>graphql-js's response to the benchmark query, to check that both engines answer the same.</summary>
    public static Task<string> PrintResponseAsync(string folder, CancellationToken cancellationToken) =>
        NodeScripts.RunAsync(folder, "node", ["bench.mjs", "--print"], cancellationToken);

    /// <summary>graphql-js 17's parts for the deferred query, one JSON object per line.</summary>
    public static Task<string> PrintDeferredPartsAsync(string folder, CancellationToken cancellationToken) =>
        NodeScripts.RunAsync(folder, "node", ["bench.mjs", "--print", "--defer"], cancellationToken);

    public Task WarmUpAsync(string benchCase, TimeSpan duration) => CommandAsync($"warmup {benchCase} {Seconds(duration)}");

    public Task RoundAsync(string benchCase, TimeSpan duration) => CommandAsync($"round {benchCase} {Seconds(duration)}");

    public async Task<BaselineResult> ReportAsync()
    {
        await _process.StandardInput.WriteLineAsync("report");
        await _process.StandardInput.FlushAsync();
        var line = await _process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("bench.mjs ended without a report.");
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return new BaselineResult(
            root.GetProperty("graphqlJs").GetString()!,
            root.GetProperty("graphqlJs17").GetString()!,
            root.GetProperty("node").GetString()!,
            root.GetProperty("responseBytes").GetInt32(),
            Read(root.GetProperty("full")),
            Read(root.GetProperty("parse")),
            Read(root.GetProperty("defer")));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private async Task CommandAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        var answer = await _process.StandardOutput.ReadLineAsync();
        if (answer != "ok")
        {
            throw new InvalidOperationException($"bench.mjs answered '{answer}' to '{command}': {await _process.StandardError.ReadToEndAsync()}");
        }
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString(CultureInfo.InvariantCulture);

    private static Measurement Read(JsonElement element) => new(
        element.GetProperty("ops").GetInt64(),
        element.GetProperty("seconds").GetDouble(),
        element.GetProperty("p50Us").GetDouble(),
        element.GetProperty("p99Us").GetDouble());
}

internal sealed record BaselineResult(
    string GraphQLJsVersion, string GraphQLJs17Version, string NodeVersion, int ResponseBytes, Measurement Full, Measurement Parse, Measurement Defer);
