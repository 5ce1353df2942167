namespace TaskForge.GraphQL.Execution;

/// <summary>An immutable linked path (response keys and list indices); materialized only when needed.</summary>
internal sealed class ResultPath
{
    public static readonly ResultPath Root = new(null, string.Empty, -1);

    private ResultPath(ResultPath? parent, string? key, int index)
    {
        Parent = parent;
        Key = key;
        Index = index;
    }

    public ResultPath? Parent { get; }

    public string? Key { get; }

    public int Index { get; }

    public ResultPath Append(string key) => new(this, key, -1);

    public ResultPath Append(int index) => new(this, null, index);

    public IReadOnlyList<object> ToList()
    {
        var depth = 0;
        for (var p = this; p.Parent is not null; p = p.Parent)
        {
            depth++;
        }

        var result = new object[depth];
        var i = depth - 1;
        for (var p = this; p.Parent is not null; p = p.Parent)
        {
            result[i--] = p.Key is null ? p.Index : p.Key;
        }

        return result;
    }
}
