using TaskForge.GraphQL.Http;

namespace TaskForge.GraphQL.Tests.Transport;

public sealed class AcceptNegotiationTests
{
    [Theory]
    [InlineData(null, "json")]
    [InlineData("", "json")]
    [InlineData("*/*", "json")]
    [InlineData("application/*", "json")]
    [InlineData("application/json", "json")]
    [InlineData("application/graphql-response+json", "graphql-response+json")]
    [InlineData("application/graphql-response+json, application/json;q=0.9", "graphql-response+json")]
    [InlineData("application/json, application/graphql-response+json", "json")]
    [InlineData("text/html, application/graphql-response+json;q=0.1", "graphql-response+json")]
    [InlineData("APPLICATION/GRAPHQL-RESPONSE+JSON", "graphql-response+json")]
    public void Chooses_the_acceptable_type_with_the_highest_quality(string? accept, string expected)
    {
        var chosen = AcceptNegotiation.Choose(accept);

        Assert.Equal(expected, chosen == ResponseMediaType.GraphQLResponseJson ? "graphql-response+json" : chosen?.ToString().ToLowerInvariant());
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/*")]
    [InlineData("application/json;q=0, application/graphql-response+json;q=0")]
    public void Nothing_acceptable_means_406(string accept)
    {
        Assert.Null(AcceptNegotiation.Choose(accept));
    }
}
