namespace TaskForge.GraphQL.Types;

internal static partial class SchemaValidator
{
    private static void ValidateFields(Schema schema, IFieldsContainer type, List<string> errors)
    {
        if (type.Fields.Count == 0)
        {
            errors.Add($"Type {type.Name} must define one or more fields.");
        }

        foreach (var field in type.Fields)
        {
            ValidateName(field.Name, errors);
            if (!field.Type.IsOutputType)
            {
                errors.Add($"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var argument in field.Arguments)
            {
                ValidateName(argument.Name, errors);
                if (!seen.Add(argument.Name))
                {
                    errors.Add($"Argument \"{type.Name}.{field.Name}({argument.Name}:)\" can only be defined once.");
                }

                if (!argument.Type.IsInputType)
                {
                    errors.Add($"The type of {type.Name}.{field.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.");
                }

                if (argument.Type is NonNullType && argument.IsDeprecated)
                {
                    errors.Add($"Required argument {type.Name}.{field.Name}({argument.Name}:) cannot be deprecated.");
                }
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            if (!names.Add(field.Name))
            {
                errors.Add($"Field \"{type.Name}.{field.Name}\" can only be defined once.");
            }
        }

        _ = schema;
    }

    private static void ValidateInterfaces(Schema schema, IFieldsContainer type, List<string> errors)
    {
        var seen = new HashSet<InterfaceType>();
        foreach (var iface in type.Interfaces)
        {
            if (ReferenceEquals(iface, type))
            {
                errors.Add($"Type {type.Name} cannot implement itself because it would create a circular reference.");
                continue;
            }

            if (!seen.Add(iface))
            {
                errors.Add($"Type {type.Name} can only implement {iface.Name} once.");
                continue;
            }

            foreach (var transitive in iface.Interfaces)
            {
                if (!type.Interfaces.Contains(transitive))
                {
                    errors.Add(ReferenceEquals(transitive, type)
                        ? $"Type {type.Name} cannot implement {iface.Name} because it would create a circular reference."
                        : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}.");
                }
            }

            ValidateImplementation(schema, type, iface, errors);
        }
    }

    private static void ValidateImplementation(Schema schema, IFieldsContainer type, InterfaceType iface, List<string> errors)
    {
        foreach (var ifaceField in iface.Fields)
        {
            var field = type.Fields[ifaceField.Name];
            if (field is null)
            {
                errors.Add($"Interface field {iface.Name}.{ifaceField.Name} expected but {type.Name} does not provide it.");
                continue;
            }

            if (!IsTypeSubTypeOf(schema, field.Type, ifaceField.Type))
            {
                errors.Add($"Interface field {iface.Name}.{ifaceField.Name} expects type {ifaceField.Type} but {type.Name}.{field.Name} is type {field.Type}.");
            }

            foreach (var ifaceArgument in ifaceField.Arguments)
            {
                var argument = field.GetArgument(ifaceArgument.Name);
                if (argument is null)
                {
                    errors.Add($"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArgument.Name}:) expected but {type.Name}.{field.Name} does not provide it.");
                }
                else if (!GraphQLType.AreEqual(argument.Type, ifaceArgument.Type))
                {
                    errors.Add($"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArgument.Name}:) expects type {ifaceArgument.Type} but {type.Name}.{field.Name}({argument.Name}:) is type {argument.Type}.");
                }
            }

            foreach (var argument in field.Arguments)
            {
                if (ifaceField.GetArgument(argument.Name) is null && argument.Type is NonNullType && !argument.HasDefaultValue)
                {
                    errors.Add($"Argument \"{type.Name}.{field.Name}({argument.Name}:)\" must not be required type \"{argument.Type}\" if not provided by the Interface field \"{iface.Name}.{ifaceField.Name}\".");
                }
            }
        }
    }

    /// <summary>Covariant output subtyping (the spec's IsValidImplementationFieldType).</summary>
    internal static bool IsTypeSubTypeOf(Schema schema, GraphQLType maybeSubType, GraphQLType superType)
    {
        if (superType is NonNullType superNonNull)
        {
            return maybeSubType is NonNullType subNonNull && IsTypeSubTypeOf(schema, subNonNull.OfType, superNonNull.OfType);
        }

        if (maybeSubType is NonNullType nonNull)
        {
            return IsTypeSubTypeOf(schema, nonNull.OfType, superType);
        }

        if (superType is ListType superList)
        {
            return maybeSubType is ListType subList && IsTypeSubTypeOf(schema, subList.OfType, superList.OfType);
        }

        if (maybeSubType is ListType)
        {
            return false;
        }

        return ReferenceEquals(maybeSubType, superType)
            || (superType is InterfaceType or UnionType && maybeSubType is NamedType named && schema.IsSubType((NamedType)superType, named));
    }

    private static void ValidateUnion(UnionType union, List<string> errors)
    {
        if (union.Types.Count == 0)
        {
            errors.Add($"Union type {union.Name} must define one or more member types.");
        }

        var seen = new HashSet<ObjectType>();
        foreach (var member in union.Types)
        {
            if (!seen.Add(member))
            {
                errors.Add($"Union type {union.Name} can only include type {member.Name} once.");
            }
        }
    }

    private static void ValidateEnum(EnumType enumType, List<string> errors)
    {
        if (enumType.Values.Count == 0)
        {
            errors.Add($"Enum type {enumType.Name} must define one or more values.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in enumType.Values)
        {
            ValidateName(value.Name, errors);
            if (!names.Add(value.Name))
            {
                errors.Add($"Enum value \"{enumType.Name}.{value.Name}\" can only be defined once.");
            }
        }
    }

    private static void ValidateInputObject(InputObjectType input, List<string> errors)
    {
        if (input.Fields.Count == 0)
        {
            errors.Add($"Input Object type {input.Name} must define one or more fields.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in input.Fields)
        {
            ValidateName(field.Name, errors);
            if (!names.Add(field.Name))
            {
                errors.Add($"Field \"{input.Name}.{field.Name}\" can only be defined once.");
            }

            if (!field.Type.IsInputType)
            {
                errors.Add($"The type of {input.Name}.{field.Name} must be Input Type but got: {field.Type}.");
            }

            if (field.Type is NonNullType && field.IsDeprecated && !field.HasDefaultValue)
            {
                errors.Add($"Required input field {input.Name}.{field.Name} cannot be deprecated.");
            }

            if (input.IsOneOf)
            {
                if (field.Type is NonNullType)
                {
                    errors.Add($"OneOf input field {input.Name}.{field.Name} must be nullable.");
                }

                if (field.HasDefaultValue)
                {
                    errors.Add($"OneOf input field {input.Name}.{field.Name} cannot have a default value.");
                }
            }
        }
    }

    private static void ValidateInputCycles(Schema schema, List<string> errors)
    {
        var visited = new HashSet<InputObjectType>();
        foreach (var type in schema.Types)
        {
            if (type is InputObjectType input)
            {
                DetectCycle(input, visited, [], [], errors);
            }
        }
    }

    private static void DetectCycle(InputObjectType type, HashSet<InputObjectType> visited, List<InputObjectType> stack, List<string> path, List<string> errors)
    {
        if (!visited.Add(type))
        {
            return;
        }

        stack.Add(type);
        foreach (var field in type.Fields)
        {
            if (field.Type is NonNullType { OfType: InputObjectType fieldType })
            {
                var index = stack.IndexOf(fieldType);
                path.Add(field.Name);
                if (index < 0)
                {
                    DetectCycle(fieldType, visited, stack, path, errors);
                }
                else
                {
                    var cycle = string.Join("\", \"", path.Skip(index));
                    errors.Add($"Cannot reference Input Object \"{fieldType.Name}\" within itself through a series of non-null fields: \"{cycle}\".");
                }

                path.RemoveAt(path.Count - 1);
            }
        }

        stack.RemoveAt(stack.Count - 1);
    }
}
