using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaskForge.Api.Tests.Interop.Support;

namespace TaskForge.Api.Tests.Realtime.Support;

/// <summary>
/// The npm <c>@microsoft/signalr</c> client run by node (Conformance/js/signalr-client.mjs), driven one command at a time:
/// connect to a hub URL on a real port, invoke hub methods, stop, and read back what it was sent. Other scripts speaking
/// the same line protocol (graphql-ws-client.mjs) run through <see cref="StartAsync(string)"/> and <see cref="SendAsync"/>.
/// </summary>
public sealed class NodeHubClient : IAsyncDisposable
{
    private readonly Process _node;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly Task _reading;
    private readonly System.Text.StringBuilder _stderr = new();
    private int _next;

    private NodeHubClient(Process node)
    {
        _node = node;
        _node.ErrorDataReceived += (_, e) => { lock (_stderr) _stderr.AppendLine(e.Data); };
        _node.BeginErrorReadLine();
        _reading = Task.Run(ReadAsync);
    }

    public static Task<NodeHubClient> StartAsync() => StartAsync("signalr-client.mjs");

    public static async Task<NodeHubClient> StartAsync(string script) => new(await JsClients.StartAsync(script));

    public static Uri HubUrl(Uri anyUrlOfTheHost) => new(anyUrlOfTheHost, "/hubs/events");

    /// <param name="protocol"><c>messagepack</c> for SignalR's MessagePack protocol; JSON otherwise.</param>
    public Task<JsonElement> ConnectAsync(Uri hubUrl, string accessToken, string? protocol = null) =>
        SendAsync(new JsonObject { ["op"] = "connect", ["url"] = hubUrl.ToString(), ["token"] = accessToken, ["protocol"] = protocol });

    public Task<JsonElement> InvokeAsync(string method, params object?[] args) =>
        SendAsync(new JsonObject { ["op"] = "invoke", ["method"] = method, ["args"] = JsonSerializer.SerializeToNode(args) });

    public Task<JsonElement> SubscribeAsync(string[] scopes, string? after) => InvokeAsync("Subscribe", new { scopes, after });

    public Task StopAsync() => SendAsync(new JsonObject { ["op"] = "stop" });

    public Task<JsonElement> StateAsync() => SendAsync(new JsonObject { ["op"] = "state" });

    /// <summary>The ids of the events the client holds, in the order it received them.</summary>
    public async Task<IReadOnlyList<long>> IdsAsync() =>
        [.. (await StateAsync()).GetProperty("events").EnumerateArray().Select(e => long.Parse(e.GetProperty("id").GetString()!, CultureInfo.InvariantCulture))];

    /// <summary>Polls the client's state until <paramref name="condition"/> holds (60 s at most).</summary>
    public async Task<JsonElement> UntilAsync(Func<JsonElement, bool> condition, string what)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var state = await StateAsync();
            if (condition(state))
                return state;
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(60))
                throw new TimeoutException($"Timed out waiting for {what}; the client holds {state.GetProperty("events").GetArrayLength()} events.");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits until the client holds an event with an id at or past <paramref name="id"/>; returns all ids.</summary>
    public async Task<IReadOnlyList<long>> UntilEventAsync(long id, string what)
    {
        await UntilAsync(s => s.GetProperty("events").EnumerateArray().LastOrDefault() is { ValueKind: JsonValueKind.Object } last
            && long.Parse(last.GetProperty("id").GetString()!, CultureInfo.InvariantCulture) >= id, what);
        return await IdsAsync();
    }

    /// <summary>Sends one command (<c>{ op, ... }</c>) and returns its result.</summary>
    public async Task<JsonElement> SendAsync(JsonObject command)
    {
        var id = Interlocked.Increment(ref _next);
        command["id"] = id;
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        await _node.StandardInput.WriteLineAsync(command.ToJsonString());
        await _node.StandardInput.FlushAsync();
        var reply = await answer.Task.WaitAsync(TimeSpan.FromSeconds(90));
        return reply.GetProperty("ok").GetBoolean()
            ? reply.GetProperty("result").Clone()
            : throw new InvalidOperationException($"node: {command["op"]} failed: {reply.GetProperty("error").GetString()}");
    }

    private async Task ReadAsync()
    {
        while (await _node.StandardOutput.ReadLineAsync() is { } line)
        {
            using var reply = JsonDocument.Parse(line);
            if (_pending.TryRemove(reply.RootElement.GetProperty("id").GetInt32(), out var answer))
                answer.TrySetResult(reply.RootElement.Clone());
        }

        string stderr;
        lock (_stderr)
            stderr = _stderr.ToString();
        foreach (var answer in _pending.Values)
            answer.TrySetException(new InvalidOperationException($"node exited: {stderr}"));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _node.StandardInput.Close();
            await _node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            _node.Kill(entireProcessTree: true);
        }

        await _reading;
        _node.Dispose();
    }
}
