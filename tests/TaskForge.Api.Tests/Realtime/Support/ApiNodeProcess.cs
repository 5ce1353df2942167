using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace TaskForge.Api.Tests.Realtime.Support;

/// <summary>
/// One API node as its own <c>dotnet TaskForge.Api.dll</c> process (the build next to the tests) on a loopback port, its
/// settings passed as environment variables, as an operator runs it. <see cref="Kill"/> is SIGKILL: no shutdown runs.
/// </summary>
public sealed class ApiNodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private ApiNodeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public Uri HubUrl => new(Address, "/hubs/events");

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the node and waits for its readiness (at most 90 s).</summary>
    public static async Task<ApiNodeProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "TaskForge.Api.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["GraphQL__GraphiQL"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings)
            start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("The API did not start.");
        var node = new ApiNodeProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) node._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) node._output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            await Until.FoundAsync(() => ReadyAsync(http, process, node), "the API's readiness", TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(200), () => node.Output);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    private static async Task<bool?> ReadyAsync(HttpClient http, Process process, ApiNodeProcess node)
    {
        if (process.HasExited)
            throw new InvalidOperationException($"The API exited with {process.ExitCode}:\n{node.Output}");
        try
        {
            return (await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode ? true : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public string Output => string.Join(Environment.NewLine, _output.TakeLast(200));

    /// <summary>Whether this node's readiness says it leads the projections (ADR 0083: a cold standby says "standby").</summary>
    public async Task<bool> LeadsProjectionsAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        using var report = JsonDocument.Parse(await http.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));
        return report.RootElement.GetProperty("checks").EnumerateArray()
            .Any(c => c.GetProperty("name").GetString() == "projections" && c.GetProperty("description").GetString()!.StartsWith("leader", StringComparison.Ordinal));
    }

    /// <summary>SIGKILL: the process ends at once, with no graceful shutdown, as a crashed node does.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
