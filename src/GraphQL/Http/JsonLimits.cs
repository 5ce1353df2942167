using System.Text.Json;

namespace TaskForge.GraphQL.Http;

/// <summary>Limits for the JSON that transports parse, so that a hostile payload cannot exhaust the stack.</summary>
internal static class JsonLimits
{
    public const int MaxDepth = 64;

    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };
}
