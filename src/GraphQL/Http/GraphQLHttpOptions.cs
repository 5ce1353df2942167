using Microsoft.AspNetCore.Http;

namespace TaskForge.GraphQL.Http;

/// <summary>Options of the GraphQL over HTTP endpoint.</summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>The largest POST body accepted, in bytes; a larger one gets 413. Default 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1 << 20;

    /// <summary>
    /// The most operations one POST may carry as a JSON array (request batching, answered with an array in the same
    /// order). Default 0: batches are refused with 400. Each operation is prepared, limited and executed on its own,
    /// one after the other.
    /// </summary>
    public int MaxBatchSize { get; set; }

    /// <summary>Whether queries may be sent with GET (mutations never can). Default true.</summary>
    public bool AllowGet { get; set; } = true;

    /// <summary>
    /// Builds the <see cref="RequestContext"/> of a request, for instance from the authenticated user. It may throw
    /// <see cref="GraphQLRequestRejectedException"/> to refuse the request with a status code (401, 403).
    /// Default: the request's user and services.
    /// </summary>
    public Func<HttpContext, ValueTask<RequestContext>> ContextFactory { get; set; } = DefaultContext;

    internal static ValueTask<RequestContext> DefaultContext(HttpContext http) =>
        ValueTask.FromResult(new RequestContext { Services = http.RequestServices, User = http.User });
}
