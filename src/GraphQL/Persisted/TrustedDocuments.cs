using System.Text.Json;

namespace TaskForge.GraphQL.Persisted;

/// <summary>
/// The operations a client build produced, by SHA-256 hash: Apollo's persisted query manifest
/// (<c>{"format": "apollo-persisted-query-manifest", "operations": [{"id", "body"}]}</c>) or a flat
/// <c>{"&lt;hash&gt;": "&lt;document&gt;"}</c> map (graphql-codegen's persisted-documents.json, Relay). Each
/// body is checked against its hash when loaded, so a tampered or mis-generated file fails at start-up.
/// </summary>
public sealed class TrustedDocuments
{
    private readonly Dictionary<string, string> _documents;

    private TrustedDocuments(Dictionary<string, string> documents) => _documents = documents;

    public int Count => _documents.Count;

    public static TrustedDocuments FromFile(string path) => FromJson(File.ReadAllText(path));

    public static async Task<TrustedDocuments> FromFileAsync(string path, CancellationToken cancellationToken) =>
        FromJson(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));

    /// <exception cref="FormatException">The JSON is neither format, or a body does not match its hash.</exception>
    public static TrustedDocuments FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var entries = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("operations", out var operations)
            ? operations.EnumerateArray().Select(o => (Id: o.GetProperty("id").GetString(), Body: o.GetProperty("body").GetString()))
            : root.EnumerateObject().Select(p => (Id: (string?)p.Name, Body: p.Value.GetString()));
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, body) in entries)
        {
            if (id is null || body is null)
            {
                throw new FormatException("Every trusted document needs a string id and body.");
            }

            var hash = PersistedHash.Normalize(id);
            if (hash != PersistedHash.Of(body))
            {
                throw new FormatException($"The trusted document '{id}' does not match the SHA-256 hash of its body.");
            }

            documents[hash] = body;
        }

        return new TrustedDocuments(documents);
    }

    public bool TryGet(string sha256Hash, out string query) => _documents.TryGetValue(sha256Hash, out query!);

    public bool Contains(string sha256Hash) => _documents.ContainsKey(sha256Hash);
}
