using System.Diagnostics.CodeAnalysis;

namespace TaskForge.GraphQL.Http;

/// <summary>Either the GraphQL request found in an HTTP request, a batch of them, or why there is none.</summary>
internal readonly record struct RequestReadResult(GraphQLRequest? Request, HttpRequestError? Error, IReadOnlyList<RequestReadResult>? Batch = null)
{
    public static RequestReadResult FromBatch(IReadOnlyList<RequestReadResult> batch) => new(null, null, batch);

    [MemberNotNullWhen(true, nameof(Request))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Request is not null;

    public static implicit operator RequestReadResult(GraphQLRequest request) => new(request, null);

    public static implicit operator RequestReadResult(HttpRequestError error) => new(null, error);
}
