using System.Diagnostics;
using System.Text.Json;

namespace TaskForge.Bench.Common;

/// <summary>The Node side of a benchmark: a folder under bench/ with a package.json, its packages and its scripts.</summary>
public static class NodeScripts
{
    /// <summary>
    /// Installs the folder's npm packages (<c>npm ci</c>, from package-lock.json) when any dependency of package.json is
    /// missing from node_modules, as on a fresh clone. Call before anything runs node there.
    /// </summary>
    public static async Task EnsureInstalledAsync(string folder, CancellationToken cancellationToken)
    {
        using var package = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "package.json"), cancellationToken));
        var missing = package.RootElement.GetProperty("dependencies").EnumerateObject()
            .Any(d => !Directory.Exists(Path.Combine(folder, "node_modules", d.Name)));
        if (missing)
        {
            Console.WriteLine($"installing the npm packages of {folder} (npm ci)…");
            await RunAsync(folder, "npm", ["ci", "--no-audit", "--no-fund"], cancellationToken);
        }
    }

    /// <summary>How to start <paramref name="fileName"/> in the folder with its output (and, if asked, its input) redirected.</summary>
    public static ProcessStartInfo Start(string folder, string fileName, IReadOnlyList<string> arguments, bool redirectInput)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>Runs the program to its end and returns its output; throws with its error output if it fails.</summary>
    public static async Task<string> RunAsync(string folder, string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        using var process = Process.Start(Start(folder, fileName, arguments, redirectInput: false))
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
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
