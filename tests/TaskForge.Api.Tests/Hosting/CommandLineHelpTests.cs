using System.Diagnostics;
using TaskForge.Api.Hosting;

namespace TaskForge.Api.Tests.Hosting;

/// <summary><c>--help</c> tells an operator how to run the host, and starts nothing.</summary>
public sealed class CommandLineHelpTests
{
    [Theory]
    [InlineData(new[] { "--help" }, true)]
    [InlineData(new[] { "--urls", "http://x", "-h" }, true)]
    [InlineData(new[] { "-?" }, true)]
    [InlineData(new[] { "--demo" }, false)]
    [InlineData(new string[0], false)]
    public void The_switch_is_found_anywhere_on_the_command_line(string[] args, bool asked) => Assert.Equal(asked, CommandLineHelp.IsAsked(args));

    [Fact]
    public async Task The_api_process_with_help_prints_the_usage_and_exits_0_without_starting_a_database()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"taskforge-help-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "TaskForge.Api.dll"), "--help"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["TaskForge__DataDirectory"] = dataDirectory;
        start.Environment.Remove("ConnectionStrings__TaskForge");
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await output} {await errors}");
        var text = await output;
        Assert.Contains("Usage:", text, StringComparison.Ordinal);
        Assert.Contains("--verify-integrity", text, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:TaskForge", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dataDirectory), "no embedded database was started");
    }
}
