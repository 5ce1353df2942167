using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace TaskForge.GraphQL.Http;

/// <summary>
/// Chooses the response media type from the Accept header. No Accept header, <c>*/*</c> and <c>application/*</c>
/// mean <c>application/json</c> (graphql-http's audit; see ADR 0030); otherwise the acceptable type with the
/// highest quality wins, the first listed on a tie.
/// </summary>
internal static class AcceptNegotiation
{
    public static ResponseMediaType? Choose(StringValues acceptHeader)
    {
        if (StringValues.IsNullOrEmpty(acceptHeader))
        {
            return ResponseMediaType.Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(acceptHeader, out var accepted) || accepted.Count == 0)
        {
            return ResponseMediaType.Json;
        }

        ResponseMediaType? best = null;
        var bestQuality = 0.0;
        foreach (var mediaType in accepted)
        {
            var quality = mediaType.Quality ?? 1.0;
            var candidate = Match(mediaType);
            if (candidate is not null && quality > bestQuality)
            {
                best = candidate;
                bestQuality = quality;
            }
        }

        // multipart/mixed asks for incremental delivery (@defer/@stream): a client that lists nothing else gets
        // its other answers (errors, results without @defer) as application/json.
        if (best is null && accepted.Any(a => a.MediaType.Equals("multipart/mixed", StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0))
        {
            return ResponseMediaType.Json;
        }

        return best;
    }

    private static ResponseMediaType? Match(MediaTypeHeaderValue mediaType)
    {
        var name = mediaType.MediaType;
        if (name.Equals(GraphQLMediaTypes.GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
        {
            return ResponseMediaType.GraphQLResponseJson;
        }

        if (name.Equals(GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase) ||
            name.Equals("application/*", StringComparison.OrdinalIgnoreCase) ||
            name.Equals("*/*", StringComparison.OrdinalIgnoreCase))
        {
            return ResponseMediaType.Json;
        }

        return null;
    }
}
