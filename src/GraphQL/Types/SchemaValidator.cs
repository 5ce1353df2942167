namespace TaskForge.GraphQL.Types;

/// <summary>The checks of graphql-js's validateSchema: root types, names, fields, arguments, interfaces, unions, enums, inputs.</summary>
internal static partial class SchemaValidator
{
    public static List<string> Validate(Schema schema)
    {
        var errors = new List<string>();
        if (schema.Query is null)
        {
            errors.Add("Query root type must be provided.");
        }

        ValidateDirectives(schema, errors);
        foreach (var type in schema.Types)
        {
            if (Introspection.IntrospectionTypes.IsIntrospectionType(type))
            {
                continue;
            }

            ValidateName(type.Name, errors);
            switch (type)
            {
                case ObjectType obj:
                    ValidateFields(schema, obj, errors);
                    ValidateInterfaces(schema, obj, errors);
                    break;
                case InterfaceType iface:
                    ValidateFields(schema, iface, errors);
                    ValidateInterfaces(schema, iface, errors);
                    break;
                case UnionType union:
                    ValidateUnion(union, errors);
                    break;
                case EnumType enumType:
                    ValidateEnum(enumType, errors);
                    break;
                case InputObjectType input:
                    ValidateInputObject(input, errors);
                    break;
            }
        }

        ValidateInputCycles(schema, errors);
        return errors;
    }

    private static void ValidateName(string name, List<string> errors)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            errors.Add($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.");
        }
    }

    private static void ValidateDirectives(Schema schema, List<string> errors)
    {
        foreach (var directive in schema.Directives)
        {
            if (directive.IsSpecified)
            {
                continue;
            }

            ValidateName(directive.Name, errors);
            if (directive.Locations.Count == 0)
            {
                errors.Add($"Directive @{directive.Name} must include 1 or more locations.");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var argument in directive.Arguments)
            {
                ValidateName(argument.Name, errors);
                if (!seen.Add(argument.Name))
                {
                    errors.Add($"Argument \"@{directive.Name}({argument.Name}:)\" can only be defined once.");
                }

                if (!argument.Type.IsInputType)
                {
                    errors.Add($"The type of @{directive.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.");
                }

                if (argument.Type is NonNullType && argument.IsDeprecated)
                {
                    errors.Add($"Required argument @{directive.Name}({argument.Name}:) cannot be deprecated.");
                }
            }
        }
    }
}
