using TaskForge.GraphQL.Tests.Support;

namespace TaskForge.GraphQL.Tests.Engine;

public sealed class SmokeTests
{
    [Fact]
    public async Task Given_nested_query_When_executed_Then_data_follows_selection_order()
    {
        var json = await Run.Json("{ hero { name id ... on Droid { primaryFunction } friends { name __typename } } }");
        Assert.Equal(
            """{"data":{"hero":{"name":"R2-D2","id":"2001","primaryFunction":"Astromech","friends":[{"name":"Luke Skywalker","__typename":"Human"},{"name":"C-3PO","__typename":"Droid"}]}}}""",
            json);
    }
}
