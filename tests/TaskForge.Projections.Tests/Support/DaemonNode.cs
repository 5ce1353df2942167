using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using TaskForge.Projections.Admin;
using TaskForge.Projections.Events;
using Xunit.Abstractions;

namespace TaskForge.Projections.Tests.Support;

/// <summary>
/// One simulated process running Marten's daemon: a host whose sessions reach PostgreSQL through a proxy of its own
/// and carry its name as application name. <see cref="KillAsync"/> is the process dying abruptly.
/// </summary>
public sealed class DaemonNode : IAsyncDisposable
{
    private readonly KillSwitchProxy _proxy;

    private DaemonNode(string name, KillSwitchProxy proxy, IHost host)
    {
        Name = name;
        _proxy = proxy;
        Host = host;
    }

    public string Name { get; }

    public IHost Host { get; }

    public ProjectionAdmin Admin => Host.Services.GetRequiredService<ProjectionAdmin>();

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public static async Task<DaemonNode> StartAsync(
        string connectionString, string schema, string name, IEnumerable<DomainProjection>? projections = null,
        ITestOutputHelper? output = null, DaemonMode mode = DaemonMode.HotCold, Action<StoreOptions>? configure = null)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var proxy = new KillSwitchProxy(target.Port);
        var through = new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = proxy.Port, ApplicationName = name };
        try
        {
            var host = await ProjectionHost.StartAsync(through.ConnectionString, schema, projections, mode, configure,
                logger: output is null ? null : new TestOutputLogger(output, name));
            return new DaemonNode(name, proxy, host);
        }
        catch
        {
            await proxy.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The process dies: its connections close, its sessions are terminated, and it never reaches the database again.
    /// Its in-process remains are then stopped and disposed in the background, as the OS would reclaim them.
    /// </summary>
    public async Task KillAsync(NpgsqlDataSource admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        _proxy.Kill();
        await Backends.TerminateApplicationAsync(admin, Name);
        _ = Task.Run(async () =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await Host.StopAsync(timeout.Token);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A dead process does not stop cleanly.
            }

            Host.Dispose();
            await _proxy.DisposeAsync();
        });
    }

    /// <summary>A graceful stop (the daemon releases its leadership).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_proxy.Killed)
            return;
        await Host.StopAsync();
        Host.Dispose();
        await _proxy.DisposeAsync();
    }
}
