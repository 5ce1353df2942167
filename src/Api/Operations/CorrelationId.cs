using System.Diagnostics;

namespace TaskForge.Api.Operations;

/// <summary>
/// A request's correlation id: the caller's <c>X-Correlation-Id</c> when it is 1 to 64 characters of
/// <c>[A-Za-z0-9._-]</c>, otherwise the request's trace id. Echoed in the response and carried by its log lines.
/// </summary>
public static class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";

    public const int MaxLength = 64;

    private static readonly object ItemKey = new();

    /// <summary>The correlation id of <paramref name="context"/>'s request, once the operations middleware has run.</summary>
    public static string? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ItemKey, out var id) ? id as string : null;
    }

    public static bool IsValid(string? candidate) =>
        candidate is { Length: > 0 and <= MaxLength } && candidate.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    internal static string Assign(HttpContext context)
    {
        var supplied = context.Request.Headers[HeaderName];
        var id = supplied.Count == 1 && IsValid(supplied[0])
            ? supplied[0]!
            : Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier;
        context.Items[ItemKey] = id;
        return id;
    }
}
