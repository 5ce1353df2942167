using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace TaskForge.Bench.GraphQL;

/// <summary>Runs bench/graphql-js/bench.mjs (graphql-js on the same schema, data and query) as a child process.</summary>
internal static class GraphQLJsBaseline
{
    public static async Task<BaselineResult> RunAsync(string folder, TimeSpan duration, TimeSpan warmup, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "graphql")))
        {
            await RunAsync(folder, "npm", ["ci", "--no-audit", "--no-fund"], cancellationToken);
        }

        var output = await RunAsync(
            folder,
            "node",
            ["bench.mjs", "--seconds", duration.TotalSeconds.ToString(CultureInfo.InvariantCulture), "--warmup", warmup.TotalSeconds.ToString(CultureInfo.InvariantCulture)],
            cancellationToken);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        return new BaselineResult(
            root.GetProperty("graphqlJs").GetString()!,
            root.GetProperty("node").GetString()!,
            root.GetProperty("responseBytes").GetInt32(),
            Read(root.GetProperty("full")),
            Read(root.GetProperty("parse")));
    }

    /// <summary>graphql-js's response to the benchmark query, to check that both engines answer the same.</summary>
    public static Task<string> PrintResponseAsync(string folder, CancellationToken cancellationToken) =>
        RunAsync(folder, "node", ["bench.mjs", "--print"], cancellationToken);

    private static Measurement Read(JsonElement element) => new(
        element.GetProperty("ops").GetInt64(),
        element.GetProperty("seconds").GetDouble(),
        element.GetProperty("p50Us").GetDouble(),
        element.GetProperty("p99Us").GetDouble());

    private static async Task<string> RunAsync(string folder, string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }
}

internal sealed record BaselineResult(string GraphQLJsVersion, string NodeVersion, int ResponseBytes, Measurement Full, Measurement Parse);
