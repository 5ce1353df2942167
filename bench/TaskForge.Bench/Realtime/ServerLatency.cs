using System.Globalization;
using System.Text.RegularExpressions;

namespace TaskForge.Bench.Realtime;

/// <summary>
/// The API's own <c>taskforge.realtime.commit_to_send</c> histogram (commit, on the database's clock, to the send to a
/// live subscriber), read from its Prometheus <c>/metrics</c> before and after a window: the server's share of the
/// latency the clients see, in the exporter's default buckets.
/// </summary>
internal static partial class ServerLatency
{
    /// <summary>Cumulative count per bucket bound (ms), summed over every label set.</summary>
    public static async Task<SortedDictionary<double, long>> ReadAsync(HttpClient http, Uri api)
    {
        var text = await http.GetStringAsync(new Uri(api, "/metrics"));
        var buckets = new SortedDictionary<double, long>();
        foreach (Match match in Bucket().Matches(text))
        {
            var bound = match.Groups["le"].Value == "+Inf" ? double.PositiveInfinity : double.Parse(match.Groups["le"].Value, CultureInfo.InvariantCulture);
            buckets[bound] = buckets.GetValueOrDefault(bound) + (long)double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        }

        return buckets;
    }

    /// <summary>The bucket holding the quantile of the sends between two readings, as "≤ N ms" (or "&gt; N ms" for the last).</summary>
    public static string Quantile(SortedDictionary<double, long> before, SortedDictionary<double, long> after, double quantile)
    {
        var deltas = after.Select(b => (Bound: b.Key, Count: b.Value - before.GetValueOrDefault(b.Key))).ToList();
        var total = deltas.Count == 0 ? 0 : deltas[^1].Count;
        if (total == 0)
            return "no sends";
        var previous = 0.0;
        foreach (var (bound, count) in deltas)
        {
            if (count >= quantile * total)
                return double.IsPositiveInfinity(bound) ? $"> {previous:N0} ms" : $"{previous:N0}–{bound:N0} ms";
            previous = bound;
        }

        return "?";
    }

    [GeneratedRegex(@"^taskforge_realtime_commit_to_send\w*_bucket\{[^}]*le=""(?<le>[^""]+)""[^}]*\} (?<n>\S+)", RegexOptions.Multiline)]
    private static partial Regex Bucket();
}
