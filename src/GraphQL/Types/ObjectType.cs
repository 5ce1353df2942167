namespace TaskForge.GraphQL.Types;

/// <summary>An object type: fields, implemented interfaces and an optional runtime check.</summary>
public sealed class ObjectType(string name, string? description = null) : NamedType(name, description), IFieldsContainer
{
    public override TypeKind Kind => TypeKind.Object;

    public FieldMap Fields { get; internal set; } = FieldMap.Empty;

    public IReadOnlyList<InterfaceType> Interfaces { get; internal set; } = [];

    /// <summary>Optional: tells whether a resolved value belongs to this type (used for abstract types).</summary>
    public Func<object, bool>? IsTypeOf { get; internal set; }

    /// <summary>CLR types whose values are of this GraphQL type (used for abstract types).</summary>
    public IReadOnlyList<Type> RuntimeTypes { get; internal set; } = [];
}

/// <summary>An interface type.</summary>
public sealed class InterfaceType(string name, string? description = null) : NamedType(name, description), IFieldsContainer
{
    public override TypeKind Kind => TypeKind.Interface;

    public FieldMap Fields { get; internal set; } = FieldMap.Empty;

    public IReadOnlyList<InterfaceType> Interfaces { get; internal set; } = [];

    public TypeResolver? ResolveType { get; internal set; }
}

/// <summary>A union of object types.</summary>
public sealed class UnionType(string name, string? description = null) : NamedType(name, description)
{
    public override TypeKind Kind => TypeKind.Union;

    public IReadOnlyList<ObjectType> Types { get; internal set; } = [];

    public TypeResolver? ResolveType { get; internal set; }
}

/// <summary>Object and interface types: both have fields and implement interfaces.</summary>
public interface IFieldsContainer
{
    string Name { get; }

    FieldMap Fields { get; }

    IReadOnlyList<InterfaceType> Interfaces { get; }
}

/// <summary>Picks the name of the object type of a value returned for an interface or union field.</summary>
public delegate string? TypeResolver(object value, Execution.ResolveContext context);
