using System.Diagnostics;
using System.Security.Cryptography;

namespace TaskForge.Bench.Api;

/// <summary>The TaskForge API as its own process (the build next to the benchmark), on a loopback port, as an operator runs it.</summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The process's resident memory now (VmRSS), in bytes; 0 where /proc is not there.</summary>
    public long ResidentBytes()
    {
        var status = $"/proc/{_process.Id}/status";
        var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)) : null;
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <param name="settings">More configuration for this run, as environment variables (<c>Section__Key</c>).</param>
    public static async Task<ApiProcess> StartAsync(string connectionString, int port, IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "TaskForge.Api.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__TaskForge"] = connectionString;
        start.Environment["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        start.Environment["Integrity__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        start.Environment["TaskForge__SoloNode"] = "true";
        // Seeding a million events takes longer than an access token lives: the bench signs in once.
        start.Environment["Auth__AccessTokenMinutes"] = "600";
        // The load generator is one client IP with a few thousand users: limits off for the measurement.
        start.Environment["RateLimits__PermitsPerMinute"] = "100000000";
        start.Environment["RateLimits__AnonymousPermitsPerMinute"] = "100000000";
        start.Environment["RateLimits__Burst"] = "100000000";
        start.Environment["GraphQL__GraphiQL"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // Experiments: TASKFORGE_BENCH_API__GraphQL__ReadYourWritesTimeout=00:00:01 reaches the API as GraphQL__ReadYourWritesTimeout.
        foreach (var (name, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => ((string)e.Key, (string?)e.Value)).Where(e => e.Item1.StartsWith("TASKFORGE_BENCH_API__", StringComparison.Ordinal)))
            start.Environment[name["TASKFORGE_BENCH_API__".Length..]] = value;
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("The API did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) == true) Console.WriteLine("api: " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.WriteLine("api: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var api = new ApiProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = api.Address };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The API exited with {process.ExitCode}.");
            try
            {
                if ((await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
                    return api;
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The API did not become ready in 120 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
