using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using TaskForge.Api.Operations;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.Operations;

public sealed class TelemetryAndLogTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Metrics_answers_Prometheus_text_with_the_http_server_duration_after_a_request()
    {
        await using var factory = OperationsHost.Start(database);
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);

        // The exporter caches a scrape for a moment: wait until one is taken after the request.
        var metrics = await OperationsHost.EventuallyAsync(
            () => client.GetStringAsync(new Uri("/metrics", UriKind.Relative)),
            text => text.Contains("http_server_request_duration_seconds_bucket", StringComparison.Ordinal));

        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", metrics, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/health/live\"", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_reports_the_realtime_gauges_at_zero_before_any_hub_connection()
    {
        await using var factory = OperationsHost.Start(database);
        using var client = factory.CreateClient();

        // An operator's alert on open connections must see 0 on a quiet node, not a missing series.
        var metrics = await OperationsHost.EventuallyAsync(
            () => client.GetStringAsync(new Uri("/metrics", UriKind.Relative)),
            text => text.Contains("taskforge_realtime_connections", StringComparison.Ordinal));

        foreach (var gauge in new[] { "taskforge_realtime_connections", "taskforge_realtime_subscriptions", "taskforge_realtime_presence_members" })
        {
            var sample = metrics.Split('\n').Single(line => line.StartsWith(gauge + "{", StringComparison.Ordinal) || line.StartsWith(gauge + " ", StringComparison.Ordinal));
            Assert.Equal("0", sample.Split(' ')[1]);
        }
    }

    [Fact]
    public async Task A_log_line_written_during_a_request_carries_its_trace_id_and_correlation_id()
    {
        var logs = new CapturingLoggerProvider();
        await using var factory = OperationsHost.Start(database, ("Logging:Requests", "true")).WithWebHostBuilder(host =>
            host.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(logs)));
        using var client = factory.CreateClient();
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health/live", UriKind.Relative));
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        request.Headers.Add(CorrelationId.HeaderName, "order-42.retry_1");
        request.Headers.Add("Authorization", "Bearer secret-token-value");

        using var response = await client.SendAsync(request);

        Assert.Equal("order-42.retry_1", Assert.Single(response.Headers.GetValues(CorrelationId.HeaderName)));
        var line = Assert.Single(logs.Entries, entry => entry.Category == "TaskForge.Api.Requests");
        Assert.Equal(traceId, line.Scope["TraceId"]);
        Assert.Equal("order-42.retry_1", line.Scope["CorrelationId"]);
        Assert.Contains("GET /health/live answered 200", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, entry => entry.Message.Contains("secret-token-value", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("has spaces")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task Without_a_valid_correlation_header_the_trace_id_is_the_correlation_id(string? supplied)
    {
        await using var factory = OperationsHost.Start(database);
        using var client = factory.CreateClient();
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health/live", UriKind.Relative));
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        if (supplied is not null)
            request.Headers.TryAddWithoutValidation(CorrelationId.HeaderName, supplied);

        using var response = await client.SendAsync(request);

        Assert.Equal(traceId, Assert.Single(response.Headers.GetValues(CorrelationId.HeaderName)));
    }

    [Theory]
    [InlineData("json", "json")]
    [InlineData("text", "simple")]
    public async Task Logging_Format_chooses_the_console_formatter(string setting, string formatter)
    {
        await using var factory = OperationsHost.Start(database, ("Logging:Format", setting));
        var options = factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;

        Assert.Equal(formatter, options.FormatterName);
    }

    [Fact]
    public async Task Json_console_lines_have_scopes_and_utc_timestamps()
    {
        await using var factory = OperationsHost.Start(database, ("Logging:Format", "json"));
        var options = factory.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;

        Assert.True(options.IncludeScopes);
        Assert.True(options.UseUtcTimestamp);
    }

    [Fact]
    public async Task Bug_an_email_already_taken_is_no_error_in_the_log()
    {
        var logs = new CapturingLoggerProvider();
        await using var factory = OperationsHost.Start(database, ("Logging:LogLevel:Marten", "Debug")).WithWebHostBuilder(host =>
            host.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(logs)));
        using var client = factory.CreateClient();
        const string Register = """mutation { register(input: { email: "taken@example.com", password: "correct horse battery", name: "Ada" }) { errors { code } } }""";
        await client.PostAsJsonAsync("/graphql", new { query = Register });

        var again = await (await client.PostAsJsonAsync("/graphql", new { query = Register })).Content.ReadAsStringAsync();

        Assert.Contains("EMAIL_TAKEN", again, StringComparison.Ordinal);
        // Marten's own logger wrote four Error entries with stacks for this, one per command of the failed batch.
        Assert.DoesNotContain(logs.Entries, entry => entry.Category.StartsWith("Marten", StringComparison.Ordinal) && entry.Level >= LogLevel.Warning);
        Assert.Contains(logs.Entries, entry => entry.Category == "Marten" && entry.Level == LogLevel.Debug && entry.Message.Contains("23505", StringComparison.Ordinal));
    }
}
