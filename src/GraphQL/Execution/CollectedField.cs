using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Execution;

/// <summary>One response key of a selection set for one object type: the merged field nodes and the field definition.</summary>
internal sealed class CollectedField(string responseKey, ObjectType parentType, FieldDefinition? definition, List<FieldNode> nodes)
{
    private IReadOnlyDictionary<string, object?>? _staticArguments;

    public string ResponseKey { get; } = responseKey;

    /// <summary>The key pre-encoded for the JSON writer (GraphQL names need no escaping in any encoder).</summary>
    public System.Text.Json.JsonEncodedText EncodedKey { get; } = System.Text.Json.JsonEncodedText.Encode(responseKey);

    public ObjectType ParentType { get; } = parentType;

    /// <summary>Null only for fields validation would have rejected (execution skips them).</summary>
    public FieldDefinition? Definition { get; } = definition;

    public List<FieldNode> Nodes { get; } = nodes;

    public FieldNode Node => Nodes[0];

    /// <summary>A built-in scalar or enum (not a list): its serialized value cannot hold on to the resolver's context.</summary>
    public bool IsLeaf { get; } = definition?.Type.Nullable is ScalarType { IsSpecified: true } or EnumType;

    public bool IsTypeName => Definition is not null && Definition.Name == "__typename" && Node.Name.Value == "__typename";

    /// <summary>Arguments without variables are coerced once per prepared document and reused.</summary>
    public IReadOnlyDictionary<string, object?> GetArguments(ExecutionState state)
    {
        if (_staticArguments is { } cached)
        {
            return cached;
        }

        var definition = Definition!;
        if (definition.Arguments.Count == 0)
        {
            return _staticArguments = JsonValues.EmptyMap;
        }

        var arguments = ArgumentCoercion.Coerce(definition.Arguments, Node.Arguments, state.Variables);
        if (!ArgumentCoercion.UsesVariables(Node.Arguments))
        {
            _staticArguments = arguments;
        }

        return arguments;
    }
}
