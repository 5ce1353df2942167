using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaskForge.Bench.Common;

namespace TaskForge.Bench.Realtime;

/// <summary>
/// Many npm @microsoft/signalr connections (WebSockets, JSON) in one Node process, bench/signalr-js/clients.mjs, driven
/// over its standard input and output: the kind of client the issue measured its bare-hub floor with.
/// </summary>
internal sealed class JsReceivers : IEventClients
{
    private readonly Process _process;
    private readonly SemaphoreSlim _turn = new(1);

    private JsReceivers(Process process) => _process = process;

    public static async Task<JsReceivers> StartAsync()
    {
        var folder = BenchTree.Bench("signalr-js");
        await NodeScripts.EnsureInstalledAsync(folder, CancellationToken.None);
        var process = Process.Start(NodeScripts.Start(folder, "node", ["clients.mjs"], redirectInput: true))
            ?? throw new InvalidOperationException("Could not start node.");
        _ = process.StandardError.ReadToEndAsync();
        return new JsReceivers(process);
    }

    /// <summary>Opens a connection per client and invokes its method (Subscribe, Join) with its argument; returns how many are open.</summary>
    public async Task<int> ConnectAsync(Uri url, IEnumerable<(string? Token, string Method, object Argument)> clients)
    {
        var answer = await AskAsync(new JsonObject
        {
            ["op"] = "connect",
            ["url"] = url.ToString(),
            ["clients"] = new JsonArray([.. clients.Select(c => new JsonObject
            {
                ["token"] = c.Token,
                ["method"] = c.Method,
                ["arg"] = JsonSerializer.SerializeToNode(c.Argument),
            })]),
        });
        var failed = answer.GetProperty("failed").GetInt32();
        if (failed > 0)
            Console.WriteLine($"{failed} JS connections failed: {answer.GetProperty("error")}");
        return answer.GetProperty("connected").GetInt32();
    }

    public async Task BeginAsync() => await AskAsync(new JsonObject { ["op"] = "begin" });

    public async Task<long> ReceivedAsync() => (await AskAsync(new JsonObject { ["op"] = "count" })).GetProperty("received").GetInt64();

    /// <summary>How late the Node process's event loop ran during the last recording (p50, p99, max ms): a client starved of CPU.</summary>
    public (double P50, double P99, double Max) LoopDelay { get; private set; }

    public async Task<IReadOnlyCollection<double>> EndAsync()
    {
        var answer = await AskAsync(new JsonObject { ["op"] = "end" });
        var delay = answer.GetProperty("loopDelayMs");
        LoopDelay = (delay.GetProperty("p50").GetDouble(), delay.GetProperty("p99").GetDouble(), delay.GetProperty("max").GetDouble());
        return [.. answer.GetProperty("latencies").EnumerateArray().Select(l => l.GetDouble())];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await AskAsync(new JsonObject { ["op"] = "close" });
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or TimeoutException)
            {
                _process.Kill();
            }
        }

        _process.Dispose();
        _turn.Dispose();
    }

    private async Task<JsonElement> AskAsync(JsonObject command)
    {
        await _turn.WaitAsync();
        try
        {
            await _process.StandardInput.WriteLineAsync(command.ToJsonString());
            await _process.StandardInput.FlushAsync();
            var line = await _process.StandardOutput.ReadLineAsync()
                ?? throw new InvalidOperationException($"clients.mjs ended during '{command["op"]}' (exit code {(_process.HasExited ? _process.ExitCode : -1)}).");
            using var answer = JsonDocument.Parse(line);
            if (answer.RootElement.TryGetProperty("refused", out var refused))
                throw new InvalidOperationException($"clients.mjs: {refused}");
            return answer.RootElement.Clone();
        }
        finally
        {
            _turn.Release();
        }
    }
}
