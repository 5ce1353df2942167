using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>Each variable's type fits every position it is used in (a default value may stand in for non-null).</summary>
public sealed class VariablesInAllowedPositionRule : ValidationRule
{
    public override bool Enter(ValidationContext context, SyntaxNode node) => node is DocumentNode or OperationDefinitionNode;

    /// <summary>Reported when leaving the operation, as graphql-js does.</summary>
    public override void Leave(ValidationContext context, SyntaxNode node)
    {
        if (node is not OperationDefinitionNode operation)
        {
            return;
        }

        var definitions = new Dictionary<string, VariableDefinitionNode>(StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            definitions[definition.Variable.Name.Value] = definition;
        }

        foreach (var usage in context.GetRecursiveVariableUsages(operation))
        {
            var name = usage.Node.Name.Value;
            if (!definitions.TryGetValue(name, out var definition) || usage.Type is null
                || TypeReferences.Resolve(context.Schema, definition.Type) is not { } variableType)
            {
                continue;
            }

            if (!Allowed(context.Schema, variableType, definition.DefaultValue, usage.Type, usage.DefaultValue.Has))
            {
                context.ReportError(
                    $"Variable \"${name}\" of type \"{variableType}\" used in position expecting type \"{usage.Type}\".", definition, usage.Node);
            }

            if (usage.ParentType is InputObjectType { IsOneOf: true } oneOf && variableType is not NonNullType)
            {
                context.ReportError(
                    $"Variable \"${name}\" is of type \"{variableType}\" but must be non-nullable to be used for OneOf Input Object \"{oneOf.Name}\".",
                    definition, usage.Node);
            }
        }
    }

    private static bool Allowed(Schema schema, GraphQLType variableType, ValueNode? variableDefault, GraphQLType locationType, bool locationHasDefault)
    {
        if (locationType is NonNullType nonNullLocation && variableType is not NonNullType)
        {
            var hasNonNullDefault = variableDefault is not null and not NullValueNode;
            if (!hasNonNullDefault && !locationHasDefault)
            {
                return false;
            }

            return SchemaValidator.IsTypeSubTypeOf(schema, variableType, nonNullLocation.OfType);
        }

        return SchemaValidator.IsTypeSubTypeOf(schema, variableType, locationType);
    }
}
