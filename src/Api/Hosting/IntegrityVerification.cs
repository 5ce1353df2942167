using Marten;
using Npgsql;
using TaskForge.Integrity;
using TaskForge.Storage.Local;

namespace TaskForge.Api.Hosting;

/// <summary>
/// The operators' check of the event log: <c>--verify-integrity [--workspace &lt;id&gt; | --stream &lt;id&gt;]</c> checks the
/// hash chain instead of serving, prints the report and exits 0 when intact, 3 when broken, 2 on a usage error.
/// </summary>
public static class IntegrityVerification
{
    public const string Switch = "--verify-integrity";
    public const int Intact = 0;
    public const int Usage = 2;
    public const int Broken = 3;

    /// <summary>What to check: the whole store, one workspace's chain or one stream; an error for a bad command line.</summary>
    public sealed record Request(string? Workspace, string? Stream, string? Error);

    /// <summary>Takes the switch and its scope out of the command line, before the configuration parser reads it.</summary>
    public static (Request? Request, string[] Others) TakeSwitch(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!args.Contains(Switch, StringComparer.Ordinal))
            return (null, args);

        var others = new List<string>();
        string? workspace = null, stream = null, error = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case Switch:
                    break;
                case "--workspace" or "--stream" when i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal):
                    error = $"{args[i]} needs a value";
                    break;
                case "--workspace":
                    workspace = args[++i];
                    break;
                case "--stream":
                    stream = args[++i];
                    break;
                default:
                    others.Add(args[i]);
                    break;
            }
        }

        if (workspace is not null && stream is not null)
            error = "give --workspace or --stream, not both";
        return (new Request(workspace, stream, error), [.. others]);
    }

    /// <summary>Runs the check on the built (not started) host and returns the process's exit code.</summary>
    public static async Task<int> RunAsync(WebApplication app, Request request, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            return await RunAsync(app.Services, request, output, cancellationToken);
        }
        finally
        {
            if (app.Services.GetService<LocalPostgresCluster>() is { StartedByThisProcess: true } cluster)
            {
                app.Services.GetRequiredService<NpgsqlDataSource>().Clear();
                await cluster.StopGracefullyAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
            }
        }
    }

    public static async Task<int> RunAsync(IServiceProvider services, Request request, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        if (request.Error is not null)
        {
            await output.WriteLineAsync($"{Switch}: {request.Error}. Usage: {Switch} [--workspace <id> | --stream <id>]");
            return Usage;
        }

        var checker = services.GetService<IntegrityChecker>();
        if (checker is null)
        {
            await output.WriteLineAsync($"{Switch}: the hash chain is off (Integrity:Enabled=false): nothing to check.");
            return Usage;
        }

        // The chain's tables exist before the first check, also on a database whose API never ran with chaining.
        await services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var report = request switch
        {
            { Workspace: { } workspace } => await checker.CheckChainAsync(workspace, cancellationToken),
            { Stream: { } stream } => await checker.CheckStreamAsync(stream, cancellationToken),
            _ => await checker.CheckStoreAsync(cancellationToken),
        };
        await output.WriteLineAsync(report.ToString());
        if (report.FirstBreak is { } broken)
            await output.WriteLineAsync($"first broken link: event id {broken.Sequence}, event {broken.EventId?.ToString() ?? "-"}, stream {broken.StreamId ?? "-"}, "
                                        + $"version {broken.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, chain {broken.ChainKey ?? "-"}: {broken.What}: {broken.Detail}");
        return report.Intact ? Intact : Broken;
    }
}
