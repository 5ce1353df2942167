namespace TaskForge.GraphQL.Http;

/// <summary>The media types of GraphQL over HTTP.</summary>
public static class GraphQLMediaTypes
{
    /// <summary>The GraphQL response media type: its status codes tell request errors (4xx) from execution.</summary>
    public const string GraphQLResponseJson = "application/graphql-response+json";

    /// <summary>The legacy media type: well-formed requests get 200 whatever their GraphQL errors.</summary>
    public const string Json = "application/json";
}
