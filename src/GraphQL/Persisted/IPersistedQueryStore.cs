namespace TaskForge.GraphQL.Persisted;

/// <summary>Operation texts by the lowercase hex SHA-256 of their UTF-8 text; must be thread-safe.</summary>
public interface IPersistedQueryStore
{
    bool TryGet(string sha256Hash, out string query);

    void Set(string sha256Hash, string query);
}
