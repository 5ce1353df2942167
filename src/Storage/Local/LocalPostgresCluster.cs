using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace TaskForge.Storage.Local;

/// <summary>
/// A PostgreSQL cluster started from the machine's server binaries (initdb, pg_ctl) in a folder of its own,
/// listening on 127.0.0.1 at a free port with trust authentication. Used by the test fixture and by the API's
/// embedded default when no connection string is configured. When the process runs as root the server runs as
/// the <c>postgres</c> user, because PostgreSQL refuses to run as root.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private readonly string _dataDirectory;
    private readonly bool _removeOnDispose;
    private readonly PostgresBinaries _binaries;

    private LocalPostgresCluster(string dataDirectory, int port, bool removeOnDispose, PostgresBinaries binaries)
    {
        _dataDirectory = dataDirectory;
        Port = port;
        _removeOnDispose = removeOnDispose;
        _binaries = binaries;
    }

    public int Port { get; private set; }

    /// <summary>False when <see cref="StartServerAsync"/> found a server already running on this data directory and reused it.</summary>
    public bool StartedByThisProcess { get; private set; }

    public string DataDirectory => _dataDirectory;

    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            MaxPoolSize = 50,
        }.ConnectionString;

    /// <summary>Creates (if needed) and starts a cluster in <paramref name="dataDirectory"/>.</summary>
    public static async Task<LocalPostgresCluster> StartAsync(
        string dataDirectory, bool removeOnDispose, IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default)
    {
        var binaries = PostgresBinaries.Locate();
        Directory.CreateDirectory(dataDirectory);
        var cluster = new LocalPostgresCluster(Path.GetFullPath(dataDirectory), FreePort(), removeOnDispose, binaries);
        var pgData = cluster.PgData;
        if (!File.Exists(Path.Combine(pgData, "PG_VERSION")))
        {
            Directory.CreateDirectory(pgData);
            await binaries.GiveToServerUserAsync(cluster._dataDirectory, cancellationToken);
            await binaries.RunAsync("initdb", ["-D", pgData, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C"], cancellationToken);
            var conf = string.Join('\n', (settings ?? DefaultSettings).Select(kv => $"{kv.Key} = {kv.Value}"));
            await File.AppendAllTextAsync(Path.Combine(pgData, "postgresql.conf"), "\n" + conf + "\n", cancellationToken);
        }

        await cluster.StartServerAsync(cancellationToken);
        return cluster;
    }

    /// <summary>Settings tuned for a throwaway cluster on a small machine.</summary>
    public static IReadOnlyDictionary<string, string> DefaultSettings { get; } = new Dictionary<string, string>
    {
        ["max_connections"] = "400",
        ["shared_buffers"] = "'256MB'",
        ["listen_addresses"] = "'127.0.0.1'",
        ["unix_socket_directories"] = "''",
        ["logging_collector"] = "off",
    };

    private string PgData => Path.Combine(_dataDirectory, "pgdata");

    private string LogFile => Path.Combine(_dataDirectory, "postgres.log");

    /// <summary>
    /// Starts the server (again) and waits until it accepts connections. A server already running on this data
    /// directory (a previous run that was not stopped) is reused on its own port.
    /// </summary>
    public async Task StartServerAsync(CancellationToken cancellationToken = default)
    {
        var (status, _) = await _binaries.TryRunAsync("pg_ctl", ["-D", PgData, "status"], cancellationToken);
        if (status == 0 && await ReadRunningPortAsync(cancellationToken) is int running)
        {
            Port = running;
            StartedByThisProcess = false;
            return;
        }

        await _binaries.RunAsync("pg_ctl", ["-D", PgData, "-l", LogFile, "-o", $"-p {Port}", "-w", "-t", "60", "start"], cancellationToken);
        StartedByThisProcess = true;
    }

    /// <summary>
    /// Kills the postmaster and its backends with SIGKILL, as a crash would, and waits until they are gone.
    /// </summary>
    public async Task KillAsync(CancellationToken cancellationToken = default)
    {
        var pid = await ReadPostmasterPidAsync(cancellationToken);
        using var postmaster = Process.GetProcessById(pid);
        postmaster.Kill(entireProcessTree: true);
        await postmaster.WaitForExitAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken = default) =>
        await _binaries.RunAsync("pg_ctl", ["-D", PgData, "-m", "fast", "-w", "stop"], cancellationToken);

    /// <summary>
    /// Stops the server gracefully (smart: waits for sessions to end) for up to <paramref name="graceful"/>, then fast
    /// (rolls back open transactions and disconnects). True when it was running and is stopped now.
    /// </summary>
    public async Task<bool> StopGracefullyAsync(TimeSpan graceful, CancellationToken cancellationToken = default)
    {
        var (status, _) = await _binaries.TryRunAsync("pg_ctl", ["-D", PgData, "status"], cancellationToken);
        if (status != 0)
            return false;
        var seconds = Math.Max(1, (int)graceful.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (smart, _) = await _binaries.TryRunAsync("pg_ctl", ["-D", PgData, "-m", "smart", "-w", "-t", seconds, "stop"], cancellationToken);
        if (smart != 0)
            await StopAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Stops the server and removes the folder from a detached process and returns at once: for an exit handler
    /// that the process host may cut short (the test host is ended soon after its last test).
    /// </summary>
    public void StopAndRemoveInBackground()
    {
        var stop = $"{_binaries.CommandLine("pg_ctl")} -D '{PgData}' -m fast -w stop";
        var remove = _removeOnDispose ? $"; rm -rf '{_dataDirectory}'" : "";
        using var process = Process.Start(new ProcessStartInfo("setsid", ["sh", "-c", $"{stop} >/dev/null 2>&1{remove}"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        });
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        if (_removeOnDispose)
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    // postmaster.pid: line 1 is the pid, line 4 the port.
    private async Task<int?> ReadRunningPortAsync(CancellationToken cancellationToken)
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(PgData, "postmaster.pid"), cancellationToken);
        return lines.Length > 3 && int.TryParse(lines[3], System.Globalization.CultureInfo.InvariantCulture, out var port) ? port : null;
    }

    private async Task<int> ReadPostmasterPidAsync(CancellationToken cancellationToken)
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(PgData, "postmaster.pid"), cancellationToken);
        return int.Parse(lines[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
