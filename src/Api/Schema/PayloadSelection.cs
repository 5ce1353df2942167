using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Language;

namespace TaskForge.Api.Schema;

/// <summary>
/// What a mutation's payload selection asks for. A client that selects only <c>eventId</c>, <c>version</c>,
/// <c>errors</c> (and <c>__typename</c>) does not need the changed object, so the mutation skips reading it back.
/// Any other field, or any fragment, reads it as before.
/// </summary>
public static class PayloadSelection
{
    private static readonly HashSet<string> WithoutObject = new(StringComparer.Ordinal) { "eventId", "version", "errors", "__typename" };

    public static bool NeedsChangedObject(ResolveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var node in context.FieldNodes)
        {
            if (node.SelectionSet is null)
                continue;
            foreach (var selection in node.SelectionSet.Selections)
            {
                if (selection is not FieldNode field || !WithoutObject.Contains(field.Name.Value))
                    return true;
            }
        }

        return false;
    }
}
