namespace TaskForge.GraphQL.Execution;

/// <summary>
/// Marks a position whose value failed (error already recorded). A nullable position turns it into null;
/// a non-null position passes it to its parent, which is how null propagates to the nearest nullable parent.
/// </summary>
internal static class Bubble
{
    public static readonly object Value = new();

    public static bool Is(object? value) => ReferenceEquals(value, Value);
}
