using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Validation;

/// <summary>Tracks types while walking a document, like graphql-js's TypeInfo.</summary>
public sealed class TypeInfo(Schema schema)
{
    private readonly List<GraphQLType?> _types = [];
    private readonly List<NamedType?> _parentTypes = [];
    private readonly List<GraphQLType?> _inputTypes = [];
    private readonly List<FieldDefinition?> _fieldDefinitions = [];
    private readonly List<(bool Has, object? Value)> _defaultValues = [];

    public GraphQLType? Type => Top(_types);

    public NamedType? ParentType => Top(_parentTypes);

    public GraphQLType? InputType => Top(_inputTypes);

    public GraphQLType? ParentInputType => _inputTypes.Count > 1 ? _inputTypes[^2] : null;

    public FieldDefinition? FieldDefinition => Top(_fieldDefinitions);

    public (bool Has, object? Value) DefaultValue => _defaultValues.Count > 0 ? _defaultValues[^1] : default;

    public DirectiveDefinition? Directive { get; private set; }

    public InputValueDefinition? Argument { get; private set; }

    public void Enter(SyntaxNode node)
    {
        switch (node)
        {
            case SelectionSetNode:
                var named = Type?.NamedType;
                _parentTypes.Add(named is ObjectType or InterfaceType or UnionType ? named : null);
                break;
            case FieldNode field:
                var parent = ParentType;
                var definition = parent is null ? null : schema.GetField(parent, field.Name.Value);
                _fieldDefinitions.Add(definition);
                _types.Add(definition?.Type is { IsOutputType: true } type ? type : null);
                break;
            case DirectiveNode directive:
                Directive = schema.GetDirective(directive.Name.Value);
                break;
            case OperationDefinitionNode operation:
                _types.Add(schema.GetRootType(operation.Operation));
                break;
            case InlineFragmentNode inline:
                var inlineType = inline.TypeCondition is null ? Type?.NamedType : schema.GetType(inline.TypeCondition.Name.Value);
                _types.Add(inlineType is { IsOutputType: true } ? inlineType : null);
                break;
            case FragmentDefinitionNode fragment:
                var fragmentType = schema.GetType(fragment.TypeCondition.Name.Value);
                _types.Add(fragmentType is { IsOutputType: true } ? fragmentType : null);
                break;
            case VariableDefinitionNode variable:
                var variableType = TypeReferences.Resolve(schema, variable.Type);
                _inputTypes.Add(variableType is { IsInputType: true } ? variableType : null);
                break;
            case ArgumentNode argument:
                var argumentDefinition = Directive is not null
                    ? Directive.GetArgument(argument.Name.Value)
                    : FieldDefinition?.GetArgument(argument.Name.Value);
                Argument = argumentDefinition;
                _defaultValues.Add(argumentDefinition is { HasDefaultValue: true } ? (true, argumentDefinition.DefaultValue) : default);
                _inputTypes.Add(argumentDefinition?.Type is { IsInputType: true } argumentType ? argumentType : null);
                break;
            case ListValueNode:
                var listType = InputType?.Nullable;
                var itemType = listType is ListType list ? list.OfType : listType;
                _defaultValues.Add(default);
                _inputTypes.Add(itemType is { IsInputType: true } ? itemType : null);
                break;
            case ObjectFieldNode objectField:
                var inputField = (InputType?.NamedType as InputObjectType)?.GetField(objectField.Name.Value);
                _defaultValues.Add(inputField is { HasDefaultValue: true } ? (true, inputField.DefaultValue) : default);
                _inputTypes.Add(inputField?.Type is { IsInputType: true } fieldType ? fieldType : null);
                break;
        }
    }

    public void Leave(SyntaxNode node)
    {
        switch (node)
        {
            case SelectionSetNode:
                Pop(_parentTypes);
                break;
            case FieldNode:
                Pop(_fieldDefinitions);
                Pop(_types);
                break;
            case DirectiveNode:
                Directive = null;
                break;
            case OperationDefinitionNode or InlineFragmentNode or FragmentDefinitionNode:
                Pop(_types);
                break;
            case VariableDefinitionNode:
                Pop(_inputTypes);
                break;
            case ArgumentNode:
                Argument = null;
                Pop(_defaultValues);
                Pop(_inputTypes);
                break;
            case ListValueNode or ObjectFieldNode:
                Pop(_defaultValues);
                Pop(_inputTypes);
                break;
        }
    }

    private static T? Top<T>(List<T?> stack) => stack.Count > 0 ? stack[^1] : default;

    private static void Pop<T>(List<T> stack)
    {
        if (stack.Count > 0)
        {
            stack.RemoveAt(stack.Count - 1);
        }
    }
}
