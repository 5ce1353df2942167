using TaskForge.Storage.Local;

namespace TaskForge.Api.Hosting;

/// <summary>What the process does when its configuration is wrong: says which setting, and stops what it already started.</summary>
public static class StartupFailure
{
    /// <summary>
    /// Prints <paramref name="error"/> (a <see cref="ConfigurationError"/> while the host is built, or the
    /// <c>OptionsValidationException</c> of settings validated when it starts) to stderr and stops the embedded
    /// PostgreSQL if this process started it (the host that would have stopped it never ran). Returns the exit code.
    /// </summary>
    public static async Task<int> ReportAsync(Exception error, IServiceCollection services, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync($"TaskForge cannot start: {error.Message}");
        if (services.FirstOrDefault(s => s.ServiceType == typeof(LocalPostgresCluster))?.ImplementationInstance is LocalPostgresCluster { StartedByThisProcess: true } cluster)
        {
            await cluster.StopGracefullyAsync(TimeSpan.FromSeconds(5));
            await output.WriteLineAsync($"TaskForge: stopped the embedded PostgreSQL in {cluster.DataDirectory}.");
        }

        return ConfigurationError.ExitCode;
    }
}
