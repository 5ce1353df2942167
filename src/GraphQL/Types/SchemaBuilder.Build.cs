using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Types;

public sealed partial class SchemaBuilder
{
    /// <summary>Builds and validates the schema.</summary>
    /// <exception cref="SchemaBuildException">The SDL, the bindings or the resulting schema are invalid.</exception>
    public Schema Build()
    {
        var errors = new List<string>();
        var definitions = new List<DefinitionNode>();
        foreach (var document in _documents)
        {
            try
            {
                definitions.AddRange(Parser.Parse(document).Definitions);
            }
            catch (GraphQLSyntaxException exception)
            {
                errors.Add(exception.Message);
            }
        }

        foreach (var definition in definitions)
        {
            if (definition is ExecutableDefinitionNode)
            {
                errors.Add("The schema SDL must not contain operations or fragments.");
            }
        }

        var factory = new SdlTypeFactory(errors) { AddDeferAndStream = _incrementalDelivery };
        factory.Build(definitions);
        SdlDirectiveValidator.Validate(definitions, factory.Directives, errors);
        var (query, mutation, subscription, description) = ResolveRootTypes(definitions, factory, errors);
        ApplyBindings(factory, errors);
        InheritInterfaceResolvers(factory);
        ComputeDefaultValues(factory, errors);
        ThrowIfAny(errors);
        var schema = new Schema(query, mutation, subscription, factory.DefinedTypes, factory.Directives, description);
        errors.AddRange(SchemaValidator.Validate(schema));
        ThrowIfAny(errors);
        return schema;
    }

    private static void ThrowIfAny(List<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new SchemaBuildException(errors);
        }
    }

    private static (ObjectType? Query, ObjectType? Mutation, ObjectType? Subscription, string? Description) ResolveRootTypes(
        List<DefinitionNode> definitions, SdlTypeFactory factory, List<string> errors)
    {
        var schemaNodes = definitions.OfType<SchemaDefinitionNode>().ToList();
        if (schemaNodes.Count(n => !n.IsExtension) > 1)
        {
            errors.Add("Must provide only one schema definition.");
        }

        // Without a schema definition the roots are the types named Query, Mutation and Subscription, and
        // `extend schema` adds to (or sets) them, as in graphql-js's buildSchema.
        var roots = schemaNodes.Any(n => !n.IsExtension)
            ? new ObjectType?[3]
            : [factory.LookupType("Query") as ObjectType, factory.LookupType("Mutation") as ObjectType, factory.LookupType("Subscription") as ObjectType];
        var defined = new bool[3];
        foreach (var operationType in schemaNodes.SelectMany(n => n.OperationTypes))
        {
            var index = (int)operationType.Operation;
            if (defined[index])
            {
                errors.Add($"Type for {operationType.Operation.ToString().ToLowerInvariant()} already defined in the schema. It cannot be redefined.");
            }

            defined[index] = true;
            var type = factory.LookupType(operationType.Type.Name.Value);
            roots[index] = type as ObjectType;
            if (type is null)
            {
                errors.Add($"Unknown type \"{operationType.Type.Name.Value}\".");
            }
            else if (type is not ObjectType)
            {
                var kind = operationType.Operation == OperationKind.Query ? "Query" : operationType.Operation.ToString();
                errors.Add($"{kind} root type must be Object type{(operationType.Operation == OperationKind.Query ? string.Empty : " if provided")}, it cannot be {type.Name}.");
            }
        }

        var description = schemaNodes.FirstOrDefault(n => !n.IsExtension)?.Description?.Value;
        return (roots[0], roots[1], roots[2], description);
    }

    private void ApplyBindings(SdlTypeFactory factory, List<string> errors)
    {
        foreach (var ((typeName, fieldName), resolver) in _resolvers)
        {
            if (FindField(factory, typeName, fieldName, errors) is { } field)
            {
                field.Resolver = resolver;
            }
        }

        foreach (var ((typeName, fieldName), subscriber) in _subscribers)
        {
            if (FindField(factory, typeName, fieldName, errors) is { } field)
            {
                field.Subscriber = subscriber;
            }
        }

        foreach (var ((typeName, fieldName), cost) in _costs)
        {
            if (FindField(factory, typeName, fieldName, errors) is { } field)
            {
                field.Cost = cost;
            }
        }

        foreach (var (name, coercion) in _scalars)
        {
            if (factory.LookupType(name) is ScalarType { IsSpecified: false } scalar)
            {
                scalar.Coercion = coercion;
            }
            else
            {
                errors.Add($"Cannot bind scalar \"{name}\": the SDL declares no custom scalar of that name.");
            }
        }

        foreach (var (name, values) in _enums)
        {
            BindEnumValues(factory, name, values, errors);
        }

        foreach (var (name, resolver) in _typeResolvers)
        {
            switch (factory.LookupType(name))
            {
                case InterfaceType iface: iface.ResolveType = resolver; break;
                case UnionType union: union.ResolveType = resolver; break;
                default: errors.Add($"Cannot bind a type resolver to \"{name}\": it is not an interface or union."); break;
            }
        }

        foreach (var (name, isTypeOf) in _isTypeOf)
        {
            if (factory.LookupType(name) is ObjectType obj)
            {
                obj.IsTypeOf = isTypeOf;
            }
            else
            {
                errors.Add($"Cannot bind isTypeOf to \"{name}\": it is not an object type.");
            }
        }

        foreach (var (name, clrTypes) in _runtimeTypes)
        {
            if (factory.LookupType(name) is ObjectType obj)
            {
                obj.RuntimeTypes = clrTypes;
            }
            else
            {
                errors.Add($"Cannot bind a runtime type to \"{name}\": it is not an object type.");
            }
        }
    }

    /// <summary>An object field without its own resolver uses the one bound on an interface field it implements.</summary>
    private static void InheritInterfaceResolvers(SdlTypeFactory factory)
    {
        foreach (var obj in factory.DefinedTypes.OfType<ObjectType>())
        {
            foreach (var field in obj.Fields)
            {
                if (field.Resolver is null)
                {
                    field.Resolver = obj.Interfaces.Select(i => i.Fields[field.Name]?.Resolver).FirstOrDefault(r => r is not null);
                }
            }
        }
    }

    private static void BindEnumValues(SdlTypeFactory factory, string name, IReadOnlyDictionary<string, object> values, List<string> errors)
    {
        if (factory.LookupType(name) is not EnumType enumType)
        {
            errors.Add($"Cannot bind enum \"{name}\": the SDL declares no enum of that name.");
            return;
        }

        var byClrName = values is EnumNameMap;
        foreach (var value in enumType.Values)
        {
            if (values.TryGetValue(byClrName ? Normalize(value.Name) : value.Name, out var internalValue))
            {
                value.Value = internalValue;
            }
            else
            {
                errors.Add($"Enum value {name}.{value.Name} has no bound internal value.");
            }
        }

        enumType.Reindex();
    }

    private static FieldDefinition? FindField(SdlTypeFactory factory, string typeName, string fieldName, List<string> errors)
    {
        if (factory.LookupType(typeName) is not IFieldsContainer container)
        {
            errors.Add($"Cannot bind \"{typeName}.{fieldName}\": the SDL declares no object or interface type \"{typeName}\".");
            return null;
        }

        var field = container.Fields[fieldName];
        if (field is null)
        {
            errors.Add($"Cannot bind \"{typeName}.{fieldName}\": type \"{typeName}\" has no field \"{fieldName}\".");
        }

        return field;
    }

    private static void ComputeDefaultValues(SdlTypeFactory factory, List<string> errors)
    {
        var inputFields = factory.DefinedTypes.OfType<InputObjectType>().SelectMany(t => t.Fields).ToList();
        for (var pass = 0; pass < 2; pass++)
        {
            // Input field defaults may use other input objects' defaults: a second pass settles them.
            foreach (var field in inputFields)
            {
                ComputeDefault(field, pass == 1 ? errors : null);
            }
        }

        var arguments = factory.DefinedTypes.OfType<IFieldsContainer>().SelectMany(c => c.Fields).SelectMany(f => f.Arguments)
            .Concat(factory.Directives.Where(d => !d.IsSpecified).SelectMany(d => d.Arguments));
        foreach (var argument in arguments)
        {
            ComputeDefault(argument, errors);
        }
    }

    private static void ComputeDefault(InputValueDefinition input, List<string>? errors)
    {
        if (input.DefaultValueLiteral is not { } literal)
        {
            return;
        }

        if (LiteralCoercion.TryCoerce(literal, input.Type, null, out var value))
        {
            input.DefaultValue = value;
        }
        else
        {
            errors?.Add($"Default value {AstPrinter.Print(literal)} of \"{input.Name}\" is not a valid {input.Type}.");
        }
    }
}
