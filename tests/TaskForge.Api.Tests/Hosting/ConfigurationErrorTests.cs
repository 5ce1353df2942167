using System.Diagnostics;

namespace TaskForge.Api.Tests.Hosting;

/// <summary>
/// A setting the API cannot start with ends the process with exit code 2 and one line naming it, not a stack trace, and
/// an embedded PostgreSQL it had already started is stopped again.
/// </summary>
public sealed class ConfigurationErrorTests
{
    [Theory]
    [InlineData("Auth__SigningKey", "not base64!", "The JWT signing key from configuration Auth:SigningKey is not valid base64.")]
    [InlineData("Realtime__SubscriptionBufferCapacity", "1", "Realtime:SubscriptionBufferCapacity must be at least Realtime:PageSize")]
    public async Task A_bad_setting_on_the_embedded_database_is_named_and_the_database_started_before_it_is_stopped(string key, string value, string message)
    {
        // The JWT key is checked while the host is built; the realtime buffer when it starts (ValidateOnStart).
        var folder = Path.Combine(Path.GetTempPath(), $"taskforge-config-{Guid.NewGuid():N}");
        try
        {
            var (exitCode, output, errors) = await RunApiAsync(new() { ["TaskForge__DataDirectory"] = folder, [key] = value });

            Assert.True(exitCode == 2, $"exit {exitCode}: {output} {errors}");
            Assert.StartsWith($"TaskForge cannot start: {message}", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", errors, StringComparison.Ordinal);
            Assert.Contains("started the embedded PostgreSQL", output, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "pgdata", "postmaster.pid")), "the embedded postmaster outlived the failed start");
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_configured_database_in_Production_without_an_integrity_key_is_named()
    {
        var (exitCode, _, errors) = await RunApiAsync(new()
        {
            ["ConnectionStrings__TaskForge"] = "Host=127.0.0.1;Port=1;Username=nobody;Database=nothing",
            ["Auth__SigningKey"] = Convert.ToBase64String(new byte[48]),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        });

        Assert.Equal(2, exitCode);
        Assert.StartsWith("TaskForge cannot start: Integrity:SigningKey is not configured.", errors, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunApiAsync(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "TaskForge.Api.dll"), "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment.Remove("ConnectionStrings__TaskForge");
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
