using Microsoft.Extensions.Logging;
using TaskForge.GraphQL.Tests.Support;

namespace TaskForge.GraphQL.Tests.Execution;

public sealed class ErrorHandlingTests
{
    [Fact]
    public async Task Given_typed_error_When_resolver_throws_Then_message_and_code_reach_the_client()
    {
        var json = await Run.Json("{ typed hero { name } }");
        Assert.Equal(
            """{"errors":[{"message":"Nope.","locations":[{"line":1,"column":3}],"path":["typed"],"extensions":{"code":"NOPE"}}],"data":{"typed":null,"hero":{"name":"R2-D2"}}}""",
            json);
    }

    [Fact]
    public async Task Given_unexpected_exception_When_resolver_throws_Then_it_is_masked_with_trace_id_and_logged()
    {
        var logger = new RecordingLogger();
        var engine = GraphQLEngine.Create(StarWarsSchema.Build(), new GraphQLEngineOptions { Logger = logger });
        var result = await Run.Execute("{ failing }", engine: engine);
        var error = Assert.Single(result.Errors!);
        Assert.Equal("Unexpected error.", error.Message);
        Assert.Equal(ErrorCodes.InternalServerError, error.Code);
        var traceId = Assert.IsType<string>(error.Extensions!["traceId"]);
        Assert.Equal(32, traceId.Length);
        Assert.DoesNotContain("hunter2", result.ToJson(), StringComparison.Ordinal);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.IsType<InvalidOperationException>(entry.Exception);
        Assert.Contains(traceId, entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_activity_When_resolver_throws_Then_trace_id_is_the_activity_trace()
    {
        using var activity = new System.Diagnostics.Activity("request").Start();
        var result = await Run.Execute("{ failing }");
        Assert.Equal(activity.TraceId.ToHexString(), Assert.Single(result.Errors!).Extensions!["traceId"]);
    }

    [Fact]
    public async Task Given_typed_error_in_non_null_field_When_executed_Then_error_keeps_code_and_parent_nulls()
    {
        var result = await Run.Execute("{ failingNonNull }");
        Assert.Null(result.Data);
        Assert.Equal("FORBIDDEN", Assert.Single(result.Errors!).Code);
    }

    [Fact]
    public async Task Given_serialization_failure_When_executed_Then_field_error_with_scalar_message()
    {
        var json = await Run.Json("{ nonNullList }");
        Assert.Equal(
            """{"errors":[{"message":"Cannot return null for non-nullable field Query.nonNullList.","locations":[{"line":1,"column":3}],"path":["nonNullList",1]}],"data":{"nonNullList":null}}""",
            json);
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
            {
                Entries.Add((logLevel, formatter(state, exception), exception));
            }
        }
    }
}
