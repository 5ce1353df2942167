using System.Buffers.Text;
using System.Text;
using TaskForge.GraphQL.Execution;

namespace TaskForge.Api.Schema;

/// <summary>A Relay connection's page: unbound SDL fields (edges, nodes, pageInfo, totalCount) read these properties.</summary>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo, int? TotalCount = null, long? UnreadCount = null)
{
    public IReadOnlyList<T> Nodes => [.. Edges.Select(e => e.Node)];
}

public sealed record Edge<T>(string Cursor, T Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>Page sizes and cursors of connections: cursors are opaque (base64url of a key), sizes bounded.</summary>
public static class Connections
{
    /// <summary>The page size asked for (<c>first</c>), or <paramref name="defaultSize"/>; VALIDATION when outside 1..max.</summary>
    public static int PageSize(ResolveContext context, int defaultSize, int maxSize)
    {
        ArgumentNullException.ThrowIfNull(context);
        var first = context.GetArgument<int?>("first") ?? defaultSize;
        return first < 1 || first > maxSize ? throw new InputException($"first must be between 1 and {maxSize}.", "first") : first;
    }

    public static string Cursor(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    public static string Cursor(long key) => Cursor(key.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The key inside the <c>after</c> cursor, or null when there is none; VALIDATION when it is not one of ours.</summary>
    public static string? After(ResolveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var after = context.GetArgument<string>("after");
        if (after is null)
        {
            return null;
        }

        var bytes = new byte[Base64Url.GetMaxDecodedLength(after.Length)];
        // TryDecodeFromChars throws (FormatException) on characters outside base64url instead of returning false.
        return after.Length <= 400 && Base64Url.IsValid(after) && Base64Url.TryDecodeFromChars(after, bytes, out var length)
            ? Encoding.UTF8.GetString(bytes, 0, length)
            : throw new InputException("after is not a cursor of this list.", "after");
    }

    public static long? AfterNumber(ResolveContext context) =>
        After(context) is not { } key ? null
        : long.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number
        : throw new InputException("after is not a cursor of this list.", "after");

    /// <summary>A page of an in-memory list in its order, after the item whose key is the cursor.</summary>
    public static Connection<T> Slice<T>(ResolveContext context, IReadOnlyList<T> items, Func<T, string> key, int defaultSize, int maxSize)
    {
        ArgumentNullException.ThrowIfNull(items);
        var size = PageSize(context, defaultSize, maxSize);
        var after = After(context);
        var start = 0;
        if (after is not null)
        {
            var index = items.Select(key).ToList().IndexOf(after);
            start = index < 0 ? throw new InputException("after is not a cursor of this list.", "after") : index + 1;
        }

        var page = items.Skip(start).Take(size).Select(item => new Edge<T>(Cursor(key(item)), item)).ToList();
        return new Connection<T>(page, new PageInfo(start + page.Count < items.Count, start > 0, page.FirstOrDefault()?.Cursor,
            page.LastOrDefault()?.Cursor), items.Count);
    }

    /// <summary>A page read with one item more than asked for, to know whether another page follows.</summary>
    public static Connection<T> FromProbe<T>(IReadOnlyList<T> itemsPlusOne, int size, Func<T, string> key, bool hasPrevious, long? unreadCount = null)
    {
        ArgumentNullException.ThrowIfNull(itemsPlusOne);
        var page = itemsPlusOne.Take(size).Select(item => new Edge<T>(Cursor(key(item)), item)).ToList();
        return new Connection<T>(page, new PageInfo(itemsPlusOne.Count > size, hasPrevious, page.FirstOrDefault()?.Cursor,
            page.LastOrDefault()?.Cursor), UnreadCount: unreadCount);
    }
}
