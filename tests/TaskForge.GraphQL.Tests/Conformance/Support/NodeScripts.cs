using System.Diagnostics;
using System.Text;

namespace TaskForge.GraphQL.Tests.Conformance.Support;

/// <summary>
/// Runs the reference scripts in Conformance/js with the machine's node. Installs their packages with
/// <c>npm ci</c> once per test run when node_modules is missing, and fails with a clear message when node or
/// the registry is unavailable.
/// </summary>
internal static class NodeScripts
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static bool _installed;

    public static async Task<string> RunAsync(
        string script, IReadOnlyList<string> arguments, string? standardInput = null, TimeSpan? timeout = null)
    {
        await EnsureInstalledAsync();
        var result = await RunProcessAsync("node", [script, .. arguments], standardInput, timeout ?? TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} exited with {result.ExitCode}:\n{result.StandardError}\n{result.StandardOutput}");
        }

        return result.StandardOutput;
    }

    private static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (_installed || AllDependenciesPresent())
            {
                _installed = true;
                return;
            }

            var result = await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund"], null, TimeSpan.FromMinutes(5));
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"The conformance tests need the npm packages of {RepositoryPaths.Scripts} and 'npm ci' failed " +
                    $"(exit {result.ExitCode}); run it there by hand with a reachable registry.\n{result.StandardError}");
            }

            _installed = true;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>Every dependency of package.json has a folder in node_modules (a clone from before a new dependency gets it installed).</summary>
    private static bool AllDependenciesPresent()
    {
        using var package = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Scripts, "package.json")));
        return package.RootElement.GetProperty("dependencies").EnumerateObject()
            .All(d => Directory.Exists(Path.Combine(RepositoryPaths.Scripts, "node_modules", d.Name)));
    }

    private static async Task<ProcessResult> RunProcessAsync(
        string fileName, IReadOnlyList<string> arguments, string? standardInput, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = RepositoryPaths.Scripts,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = StartOrExplain(start);
        using var cancellation = new CancellationTokenSource(timeout);
        var output = process.StandardOutput.ReadToEndAsync(cancellation.Token);
        var error = process.StandardError.ReadToEndAsync(cancellation.Token);
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellation.Token);
        }

        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"The conformance tests run '{start.FileName}' (Node 20 or later) and it is not on PATH: {e.Message}", e);
        }
    }

    private sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);
}
