using System.Diagnostics;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TaskForge.Api.Hosting;
using TaskForge.Storage.Events;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.Integrity;

/// <summary>The operators' <c>--verify-integrity</c> switch of the API host: the report and the exit code.</summary>
public sealed class VerifyIntegritySwitchTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 3)).ToArray());
    private static readonly Guid Workspace = Guid.NewGuid();

    [Fact]
    public void The_switch_and_its_scope_are_taken_out_of_the_command_line()
    {
        var (none, untouched) = IntegrityVerification.TakeSwitch(["--urls", "http://x"]);
        var (store, others) = IntegrityVerification.TakeSwitch(["--verify-integrity", "--urls", "http://x"]);
        var (workspace, _) = IntegrityVerification.TakeSwitch(["--verify-integrity", "--workspace", "w1"]);
        var (stream, _) = IntegrityVerification.TakeSwitch(["--stream", "task-1", "--verify-integrity"]);
        var (missing, _) = IntegrityVerification.TakeSwitch(["--verify-integrity", "--stream"]);
        var (both, _) = IntegrityVerification.TakeSwitch(["--verify-integrity", "--stream", "a", "--workspace", "b"]);

        Assert.Null(none);
        Assert.Equal(["--urls", "http://x"], untouched);
        Assert.Equal(new IntegrityVerification.Request(null, null, null), store);
        Assert.Equal(["--urls", "http://x"], others);
        Assert.Equal("w1", workspace!.Workspace);
        Assert.Equal("task-1", stream!.Stream);
        Assert.NotNull(missing!.Error);
        Assert.NotNull(both!.Error);
    }

    [Fact]
    public async Task The_check_exits_0_when_intact_3_naming_the_event_when_broken_and_2_on_a_usage_error()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:TaskForge", database.ConnectionString);
            host.UseSetting("Integrity:SigningKey", Key);
        });
        _ = factory.Services;
        var sequences = await AppendAndWaitChainedAsync(factory.Services);

        var (intact, intactText) = await RunAsync(factory.Services, new IntegrityVerification.Request(null, null, null));
        var (workspace, workspaceText) = await RunAsync(factory.Services, new IntegrityVerification.Request(Workspace.ToString(), null, null));
        Assert.Equal(IntegrityVerification.Intact, intact);
        Assert.Contains("intact (10 events checked", intactText, StringComparison.Ordinal);
        Assert.Equal(IntegrityVerification.Intact, workspace);
        Assert.Contains($"chain {Workspace}: intact (6 events", workspaceText, StringComparison.Ordinal);

        var victim = sequences[7];
        await using (var tamper = database.DataSource.CreateCommand($"UPDATE taskforge.mt_events SET data = jsonb_set(data, '{{text}}', '\"x\"') WHERE seq_id = {victim}"))
            await tamper.ExecuteNonQueryAsync();

        var (broken, brokenText) = await RunAsync(factory.Services, new IntegrityVerification.Request(null, null, null));
        var (stream, streamText) = await RunAsync(factory.Services, new IntegrityVerification.Request(null, "integrity-cli-b", null));
        var (usage, _) = await RunAsync(factory.Services, IntegrityVerification.TakeSwitch(["--verify-integrity", "--workspace"]).Request!);
        Assert.Equal(IntegrityVerification.Broken, broken);
        Assert.Contains($"first broken link: event id {victim},", brokenText, StringComparison.Ordinal);
        Assert.Contains("data changed", brokenText, StringComparison.Ordinal);
        Assert.Equal(IntegrityVerification.Broken, stream);
        Assert.Contains($"event id {victim},", streamText, StringComparison.Ordinal);
        Assert.Equal(IntegrityVerification.Usage, usage);
    }

    [Fact]
    public async Task The_api_process_with_the_switch_checks_instead_of_serving_and_exits_with_the_code()
    {
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "TaskForge.Api.dll"), "--verify-integrity"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ConnectionStrings__TaskForge"] = database.ConnectionString;
        start.Environment["Integrity__SigningKey"] = Key;
        start.Environment["TaskForge__Schema"] = "cli";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == IntegrityVerification.Intact, $"exit {process.ExitCode}: {await output} {await errors}");
        Assert.Contains("store: intact (0 events checked", await output, StringComparison.Ordinal);
    }

    private static async Task<long[]> AppendAndWaitChainedAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var sequences = new List<long>();
        foreach (var (stream, workspace, count) in new[] { ("integrity-cli-a", (Guid?)Workspace, 6), ("integrity-cli-b", null, 4) })
        {
            await using var session = store.LightweightSession();
            var events = Enumerable.Range(0, count)
                .Select(i => EventEnvelope.Wrap(new CliNoted(i, "t")).Stamp(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow)).ToArray();
            session.Events.Append(stream, events);
            await session.SaveChangesAsync();
            sequences.AddRange(events.Select(e => e.Sequence));
        }

        var dataSource = services.GetRequiredService<Npgsql.NpgsqlDataSource>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            await using var command = dataSource.CreateCommand("SELECT coalesce(max(seq), 0) FROM taskforge.mt_integrity_links");
            if ((long)(await command.ExecuteScalarAsync(timeout.Token))! >= sequences.Max())
                return [.. sequences];
            await Task.Delay(20, timeout.Token);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(IServiceProvider services, IntegrityVerification.Request request)
    {
        using var writer = new StringWriter();
        var code = await IntegrityVerification.RunAsync(services, request, writer);
        return (code, writer.ToString());
    }

    private sealed record CliNoted(int Index, string Text);
}
