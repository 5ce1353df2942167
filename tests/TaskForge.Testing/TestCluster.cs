using TaskForge.Storage.Local;

namespace TaskForge.Testing;

/// <summary>
/// The one PostgreSQL server of a test run (per test process): TASKFORGE_TEST_PG when set, otherwise a throwaway
/// cluster started from the machine's server binaries in a temporary folder, removed when the process exits.
/// </summary>
public static class TestCluster
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static LocalPostgresCluster? _cluster;
    private static string? _adminConnectionString;

    /// <summary>A connection string to the server's <c>postgres</c> database, as a superuser.</summary>
    public static async Task<string> AdminConnectionStringAsync()
    {
        if (_adminConnectionString is not null)
        {
            return _adminConnectionString;
        }

        await Gate.WaitAsync();
        try
        {
            _adminConnectionString ??= await StartAsync();
            return _adminConnectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The cluster this process started (null when TASKFORGE_TEST_PG points elsewhere): crash tests kill and restart it.</summary>
    public static LocalPostgresCluster? OwnCluster => _cluster;

    private const string FolderPrefix = "taskforge-test-pg-";

    // The test host may be ended before its exit handler finishes removing the folder (the server is stopped by
    // then), so each run also removes the folders of runs whose process is gone. The folder name holds the pid.
    private static void RemoveClustersOfEndedRuns()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var pidText = Path.GetFileName(folder)[FolderPrefix.Length..].Split('-')[0];
            if (int.TryParse(pidText, out var pid) && !IsRunning(pid) && !File.Exists(Path.Combine(folder, "pgdata", "postmaster.pid")))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Another test process is removing it at the same moment.
                }
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task<string> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("TASKFORGE_TEST_PG") is { Length: > 0 } configured)
        {
            return configured;
        }

        RemoveClustersOfEndedRuns();
        var folder = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string>(LocalPostgresCluster.DefaultSettings)
        {
            // A throwaway cluster: durability against OS crashes is not needed (a killed server still keeps its WAL).
            ["fsync"] = "off",
            ["full_page_writes"] = "off",
        };
        _cluster = await LocalPostgresCluster.StartAsync(folder, removeOnDispose: true, settings);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => _cluster.StopAndRemoveInBackground();
        return _cluster.ConnectionString();
    }
}
