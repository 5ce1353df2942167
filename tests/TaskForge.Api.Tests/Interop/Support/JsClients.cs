using System.Diagnostics;
using System.Text;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.Interop.Support;

/// <summary>
/// Runs the scripts of tests/TaskForge.Api.Tests/Conformance/js with the machine's node (their packages installed once per
/// run with <c>npm ci</c> when node_modules lacks one) and returns what they print on stdout.
/// </summary>
internal static class JsClients
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static readonly Lazy<string> ScriptsFolder = new(FindScripts);
    private static bool _installed;

    public static async Task<string> RunAsync(string script, IReadOnlyList<string> arguments, TimeSpan? timeout = null)
    {
        await EnsureInstalledAsync();
        var (exitCode, stdout, stderr) = await RunProcessAsync("node", [script, .. arguments], timeout ?? TimeSpan.FromMinutes(2));
        return exitCode == 0 ? stdout : throw new InvalidOperationException($"node {script} exited with {exitCode}:\n{stderr}\n{stdout}");
    }

    /// <summary>Starts a long-running script with its stdin and stdout redirected (the caller drives it and ends it).</summary>
    public static async Task<Process> StartAsync(string script)
    {
        await EnsureInstalledAsync();
        var start = new ProcessStartInfo("node", [script])
        {
            WorkingDirectory = ScriptsFolder.Value,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start node {script}.");
    }

    private static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (_installed || DependenciesPresent())
            {
                _installed = true;
                return;
            }

            var (exitCode, _, stderr) = await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
            _installed = exitCode == 0 ? true : throw new InvalidOperationException(
                $"The interop tests need the npm packages of {ScriptsFolder.Value}; 'npm ci' failed (exit {exitCode}):\n{stderr}");
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static bool DependenciesPresent()
    {
        using var package = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(ScriptsFolder.Value, "package.json")));
        return package.RootElement.GetProperty("dependencies").EnumerateObject()
            .All(d => Directory.Exists(Path.Combine(ScriptsFolder.Value, "node_modules", d.Name)));
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunProcessAsync(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = ScriptsFolder.Value,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"The interop tests run '{fileName}' (Node 20 or later) and it is not on PATH: {e.Message}", e);
        }

        using (process)
        {
            using var cancellation = new CancellationTokenSource(timeout);
            var stdout = process.StandardOutput.ReadToEndAsync(cancellation.Token);
            var stderr = process.StandardError.ReadToEndAsync(cancellation.Token);
            try
            {
                await process.WaitForExitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}.");
            }

            return (process.ExitCode, await stdout, await stderr);
        }
    }

    private static string FindScripts() => Path.Combine(SourceTree.Root, "tests", "TaskForge.Api.Tests", "Conformance", "js");
}
