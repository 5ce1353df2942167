using System.Text;
using System.Text.Json;
using TaskForge.GraphQL.Tests.Support;

namespace TaskForge.GraphQL.Tests.Engine;

public sealed class EngineTests
{
    [Fact]
    public void Given_missing_query_When_prepared_Then_request_error()
    {
        var result = Run.Engine.Prepare(new GraphQLRequest(null));
        Assert.Equal("Must provide query string.", Assert.Single(result.Errors!).Message);
        Assert.False(result.ToErrorResult().HasData);
    }

    [Fact]
    public void Given_syntax_error_When_prepared_Then_located_parse_error()
    {
        var error = Assert.Single(Run.Engine.Prepare(new GraphQLRequest("{ hero {")).Errors!);
        Assert.Equal("Syntax Error: Expected Name, found <EOF>.", error.Message);
        Assert.Equal(ErrorCodes.ParseFailed, error.Code);
        Assert.Equal(new SourceLocation(1, 9), Assert.Single(error.Locations!));
    }

    [Fact]
    public void Given_invalid_document_When_prepared_Then_validation_errors_with_code()
    {
        var errors = Run.Engine.Prepare(new GraphQLRequest("{ nope }")).Errors!;
        Assert.Equal("Cannot query field \"nope\" on type \"Query\".", Assert.Single(errors).Message);
        Assert.Equal(ErrorCodes.ValidationFailed, errors[0].Code);
    }

    [Theory]
    [InlineData("query A { hero { name } } query B { hero { id } }", null, "Must provide operation name if query contains multiple operations.")]
    [InlineData("query A { hero { name } }", "C", "Unknown operation named \"C\".")]
    [InlineData("fragment F on Query { hero { name } }", null, "Fragment \"F\" is never used.")]
    public void Given_operation_cannot_be_chosen_When_prepared_Then_error(string query, string? operationName, string message)
    {
        var result = Run.Engine.Prepare(new GraphQLRequest(query, operationName));
        Assert.Equal(message, Assert.Single(result.Errors!).Message);
    }

    [Fact]
    public void Given_named_operation_When_prepared_Then_that_operation_is_chosen()
    {
        var result = Run.Engine.Prepare(new GraphQLRequest("query A { hero { name } } mutation B { increment }", "B"));
        Assert.Equal(OperationKind.Mutation, result.Operation!.Kind);
        Assert.Equal("B", result.Operation.Name);
    }

    [Fact]
    public void Given_same_query_text_When_prepared_twice_Then_the_cached_document_is_reused()
    {
        const string Query = "{ hero { name friends { name } } }";
        var first = Run.Engine.Prepare(new GraphQLRequest(Query)).Operation!;
        var second = Run.Engine.Prepare(new GraphQLRequest(Query)).Operation!;
        Assert.Same(first, second);
        Assert.Same(first.Document, second.Document);
    }

    [Fact]
    public async Task Given_result_When_written_Then_errors_data_and_keys_keep_selection_order()
    {
        var result = await Run.Execute("{ typed zeta: hero { name id } alpha: __typename }");
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            result.WriteTo(writer);
        }

        var json = Encoding.UTF8.GetString(buffer.ToArray());
        Assert.StartsWith("{\"errors\":[", json, StringComparison.Ordinal);
        Assert.EndsWith("\"data\":{\"typed\":null,\"zeta\":{\"name\":\"R2-D2\",\"id\":\"2001\"},\"alpha\":\"Query\"}}", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_caller_cancellation_When_executing_Then_operation_is_cancelled()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await Run.Engine.ExecuteAsync(new GraphQLRequest("{ slow }"), new RequestContext(), cancellation.Token));
    }
}
