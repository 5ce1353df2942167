namespace TaskForge.GraphQL.Persisted;

/// <summary>
/// How an engine treats operations sent by hash (docs/adr/0036): Apollo's automatic persisted queries
/// (<c>extensions.persistedQuery.sha256Hash</c>), the GraphQL over HTTP <c>documentId</c>, and trusted documents.
/// </summary>
public sealed record PersistedOperationOptions
{
    /// <summary>
    /// Whether clients may register operations by sending the text with its hash (Apollo's protocol); a hash the
    /// store does not know gets <c>PersistedQueryNotFound</c> and the client resends the text. When false, a hash
    /// without text gets <c>PersistedQueryNotSupported</c>. Default true. Never on while <see cref="TrustedDocuments"/> is set.
    /// </summary>
    public bool AutomaticPersistedQueries { get; init; } = true;

    /// <summary>Where registered operations are kept; default a least-recently-used store of 1,000 operations per engine.</summary>
    public IPersistedQueryStore? Store { get; init; }

    /// <summary>
    /// The allow-list of a trusted-documents deployment: only these operations run, whether sent by hash or as text
    /// whose hash is listed; any other text is refused with <c>PERSISTED_QUERY_NOT_TRUSTED</c>.
    /// </summary>
    public TrustedDocuments? TrustedDocuments { get; init; }

    /// <summary>With <see cref="TrustedDocuments"/>: let operations outside the list run too (a migration period). Default false.</summary>
    public bool AllowUntrustedOperations { get; init; }
}
