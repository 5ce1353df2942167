namespace TaskForge.GraphQL.Persisted;

/// <summary>
/// Finds the text of a request sent by hash (<c>documentId</c> or <c>extensions.persistedQuery</c>) and applies
/// the trusted-documents rule, before the engine parses anything.
/// </summary>
internal sealed class PersistedOperationResolver
{
    private readonly PersistedOperationOptions? _options;
    private readonly IPersistedQueryStore? _store;

    public PersistedOperationResolver(PersistedOperationOptions? options)
    {
        _options = options;
        _store = options is { AutomaticPersistedQueries: true, TrustedDocuments: null }
            ? options.Store ?? new BoundedPersistedQueryStore()
            : null;
    }

    /// <summary>The text to run (null when the request has none), the hash to register once it prepared well, or the error.</summary>
    public Resolution Resolve(GraphQLRequest request)
    {
        var query = request.Query;
        if (ReadHash(request, out var hash) is { } malformed)
        {
            return Resolution.Fail(malformed);
        }

        if (_options?.TrustedDocuments is { } trusted)
        {
            return ResolveTrusted(trusted, query, hash);
        }

        if (hash is null)
        {
            return new Resolution(query, null, null);
        }

        if (_store is null)
        {
            return query is null ? Resolution.Fail(PersistedErrors.NotSupported()) : new Resolution(query, null, null);
        }

        if (query is null)
        {
            return _store.TryGet(hash, out var stored) ? new Resolution(stored, null, null) : Resolution.Fail(PersistedErrors.NotFound());
        }

        return PersistedHash.Of(query) == hash ? new Resolution(query, hash, null) : Resolution.Fail(PersistedErrors.HashMismatch());
    }

    public void Register(string hash, string query) => _store?.Set(hash, query);

    private Resolution ResolveTrusted(TrustedDocuments trusted, string? query, string? hash)
    {
        if (hash is not null && trusted.TryGet(hash, out var body))
        {
            return query is null || query == body || PersistedHash.Of(query) == hash
                ? new Resolution(body, null, null)
                : Resolution.Fail(PersistedErrors.HashMismatch());
        }

        if (query is null)
        {
            return hash is null ? new Resolution(null, null, null) : Resolution.Fail(PersistedErrors.NotFound());
        }

        var textHash = PersistedHash.Of(query);
        if (hash is not null && textHash != hash)
        {
            return Resolution.Fail(PersistedErrors.HashMismatch());
        }

        return _options!.AllowUntrustedOperations || trusted.Contains(textHash)
            ? new Resolution(query, null, null)
            : Resolution.Fail(PersistedErrors.NotTrusted());
    }

    private static GraphQLError? ReadHash(GraphQLRequest request, out string? hash)
    {
        hash = null;
        if (request.DocumentId is { } documentId)
        {
            hash = PersistedHash.Normalize(documentId);
            return null;
        }

        if (request.Extensions is null || !request.Extensions.TryGetValue("persistedQuery", out var raw) || raw is null)
        {
            return null;
        }

        if (JsonValues.Normalize(raw) is not IReadOnlyDictionary<string, object?> persisted
            || !persisted.TryGetValue("sha256Hash", out var sha) || sha is not string text)
        {
            return GraphQLError.WithCode("extensions.persistedQuery needs a string sha256Hash.", ErrorCodes.BadRequest);
        }

        if (persisted.TryGetValue("version", out var version) && !IsOne(version))
        {
            return GraphQLError.WithCode("Unsupported persisted query version.", ErrorCodes.BadRequest);
        }

        hash = PersistedHash.Normalize(text);
        return null;
    }

    private static bool IsOne(object? version) => version switch
    {
        int i => i == 1,
        long l => l == 1,
        double d => d == 1,
        decimal m => m == 1,
        _ => false,
    };

    internal readonly record struct Resolution(string? Query, string? RegisterHash, GraphQLError? Error)
    {
        public static Resolution Fail(GraphQLError error) => new(null, null, error);
    }
}
