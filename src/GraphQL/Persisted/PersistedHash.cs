using System.Security.Cryptography;
using System.Text;

namespace TaskForge.GraphQL.Persisted;

/// <summary>The hash persisted operations are known by: lowercase hex SHA-256 of the UTF-8 text.</summary>
public static class PersistedHash
{
    public static string Of(string query)
    {
        var bytes = Encoding.UTF8.GetBytes(query);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Accepts the GraphQL over HTTP <c>sha256:&lt;hex&gt;</c> document id form and upper-case hex.</summary>
    public static string Normalize(string id) =>
        (id.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) ? id[7..] : id).ToLowerInvariant();
}
