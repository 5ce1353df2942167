using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Types;

/// <summary>
/// The SDL half of KnownDirectives, UniqueDirectivesPerLocation and ProvidedRequiredArgumentsOnDirectives:
/// every directive applied in the SDL exists, is allowed where it appears, is not repeated unless repeatable,
/// and gets its required arguments.
/// </summary>
internal static class SdlDirectiveValidator
{
    public static void Validate(IReadOnlyList<DefinitionNode> definitions, IReadOnlyList<DirectiveDefinition> directives, List<string> errors)
    {
        var known = directives.ToDictionary(d => d.Name, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            switch (definition)
            {
                case SchemaDefinitionNode schema:
                    Check(schema.Directives, DirectiveLocation.Schema, known, errors);
                    break;
                case ScalarTypeDefinitionNode scalar:
                    Check(scalar.Directives, DirectiveLocation.Scalar, known, errors);
                    break;
                case ObjectTypeDefinitionNode obj:
                    Check(obj.Directives, DirectiveLocation.Object, known, errors);
                    CheckFields(obj.Fields, known, errors);
                    break;
                case InterfaceTypeDefinitionNode iface:
                    Check(iface.Directives, DirectiveLocation.Interface, known, errors);
                    CheckFields(iface.Fields, known, errors);
                    break;
                case UnionTypeDefinitionNode union:
                    Check(union.Directives, DirectiveLocation.Union, known, errors);
                    break;
                case EnumTypeDefinitionNode enumType:
                    Check(enumType.Directives, DirectiveLocation.Enum, known, errors);
                    foreach (var value in enumType.Values)
                    {
                        Check(value.Directives, DirectiveLocation.EnumValue, known, errors);
                    }

                    break;
                case InputObjectTypeDefinitionNode input:
                    Check(input.Directives, DirectiveLocation.InputObject, known, errors);
                    foreach (var field in input.Fields)
                    {
                        Check(field.Directives, DirectiveLocation.InputFieldDefinition, known, errors);
                    }

                    break;
                case DirectiveDefinitionNode directive:
                    foreach (var argument in directive.Arguments)
                    {
                        Check(argument.Directives, DirectiveLocation.ArgumentDefinition, known, errors);
                    }

                    break;
            }
        }
    }

    private static void CheckFields(IReadOnlyList<FieldDefinitionNode> fields, Dictionary<string, DirectiveDefinition> known, List<string> errors)
    {
        foreach (var field in fields)
        {
            Check(field.Directives, DirectiveLocation.FieldDefinition, known, errors);
            foreach (var argument in field.Arguments)
            {
                Check(argument.Directives, DirectiveLocation.ArgumentDefinition, known, errors);
            }
        }
    }

    private static void Check(
        IReadOnlyList<DirectiveNode> applied, DirectiveLocation location, Dictionary<string, DirectiveDefinition> known, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directive in applied)
        {
            var name = directive.Name.Value;
            if (!known.TryGetValue(name, out var definition))
            {
                errors.Add($"Unknown directive \"@{name}\".");
                continue;
            }

            if (!definition.Locations.Contains(location))
            {
                errors.Add($"Directive \"@{name}\" may not be used on {location.ToSpecName()}.");
            }

            if (!definition.IsRepeatable && !seen.Add(name))
            {
                errors.Add($"The directive \"@{name}\" can only be used once at this location.");
            }

            foreach (var argument in definition.Arguments)
            {
                if (argument.Type is NonNullType && argument.DefaultValueLiteral is null && !directive.Arguments.Any(a => a.Name.Value == argument.Name))
                {
                    errors.Add($"Directive \"@{name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.");
                }
            }

            foreach (var argument in directive.Arguments)
            {
                if (definition.GetArgument(argument.Name.Value) is null)
                {
                    errors.Add($"Unknown argument \"{argument.Name.Value}\" on directive \"@{name}\".");
                }
            }
        }
    }
}
