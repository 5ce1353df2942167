using System.Diagnostics;

namespace TaskForge.Storage.Local;

/// <summary>Finds initdb/pg_ctl and runs them, as the <c>postgres</c> user when this process is root.</summary>
internal sealed class PostgresBinaries
{
    private const string ServerUser = "postgres";
    private readonly string _binDirectory;
    private readonly bool _asServerUser;

    private PostgresBinaries(string binDirectory, bool asServerUser)
    {
        _binDirectory = binDirectory;
        _asServerUser = asServerUser;
    }

    public static PostgresBinaries Locate()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("TASKFORGE_PG_BIN") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        return Locate(candidates);
    }

    internal static PostgresBinaries Locate(IEnumerable<string> candidates)
    {
        var bin = candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "No PostgreSQL server binaries (initdb, pg_ctl) were found in /usr/lib/postgresql/*/bin, TASKFORGE_PG_BIN or PATH. " +
                "Install them (Debian: `apt-get install postgresql-15`), or set TASKFORGE_TEST_PG / ConnectionStrings:TaskForge to an existing server.");
        return new PostgresBinaries(bin, Environment.UserName == "root");
    }

    public async Task GiveToServerUserAsync(string directory, CancellationToken cancellationToken)
    {
        if (_asServerUser)
        {
            await RunAsync("chown", ["-R", $"{ServerUser}:", directory], cancellationToken);
            await RunAsync("chmod", ["700", directory], cancellationToken);
        }
    }

    /// <summary>The command line that runs a server tool (as the server user when this process is root).</summary>
    public string CommandLine(string tool) =>
        _asServerUser ? $"runuser -u {ServerUser} -- {Path.Combine(_binDirectory, tool)}" : Path.Combine(_binDirectory, tool);

    public async Task RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (exit, output) = await TryRunAsync(tool, arguments, cancellationToken);
        if (exit != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed with exit code {exit}: {output}");
        }
    }

    public async Task<(int ExitCode, string Output)> TryRunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var isServerTool = File.Exists(Path.Combine(_binDirectory, tool));
        var path = isServerTool ? Path.Combine(_binDirectory, tool) : tool;
        var start = isServerTool && _asServerUser
            ? new ProcessStartInfo("runuser", ["-u", ServerUser, "--", path, .. arguments])
            : new ProcessStartInfo(path, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
