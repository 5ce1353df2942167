namespace TaskForge.GraphQL.DataLoader;

/// <summary>Loads many keys in one round trip; keys missing from the answer load as default (null).</summary>
public delegate ValueTask<IReadOnlyDictionary<TKey, TValue>> BatchLoadFunction<TKey, TValue>(
    IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    where TKey : notnull;
