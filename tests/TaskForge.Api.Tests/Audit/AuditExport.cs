using System.Globalization;
using System.Net;
using System.Text.Json;
using CsvHelper;
using TaskForge.Api.Tests.GraphQL.Support;

namespace TaskForge.Api.Tests.Audit;

/// <summary>Downloads an export over HTTP and splits it into its entries and its manifest.</summary>
public static class AuditExport
{
    public static string Url(string workspaceId, string? format = null, string? after = null) =>
        $"/audit/workspaces/{workspaceId}/export?{(format is null ? "" : "format=" + format)}{(after is null ? "" : "&after=" + after)}";

    public static async Task<(HttpStatusCode Status, string Body)> GetAsync(GraphQLClient client, string url)
    {
        using var response = await client.Http.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>NDJSON: the entries and the last line's manifest.</summary>
    public static (IReadOnlyList<JsonElement> Entries, JsonElement Manifest) Ndjson(string body)
    {
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.NotEmpty(lines);
        return (lines[..^1], lines[^1].GetProperty("manifest"));
    }

    /// <summary>CSV: the records by column name and the manifest record's JSON.</summary>
    public static (IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows, JsonElement Manifest) Csv(string body)
    {
        using var reader = CsvReader.FromText(body, CsvReaderOptions.Default);
        var rows = new List<IReadOnlyDictionary<string, string?>>();
        while (reader.Read())
            rows.Add(reader.Headers.Select((h, i) => (h, i)).ToDictionary(c => c.h, c => reader.GetStringOrNull(c.i)));
        Assert.Equal("$manifest", rows[^1]["type"]);
        return (rows[..^1], JsonDocument.Parse(rows[^1]["data"]!).RootElement.Clone());
    }

    public static long Id(string? text) => long.Parse(text!, CultureInfo.InvariantCulture);
}
