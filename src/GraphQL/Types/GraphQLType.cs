using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Types;

/// <summary>A type reference: a named type, a list or a non-null wrapper.</summary>
public abstract class GraphQLType
{
    /// <summary>The named type at the bottom of the wrappers.</summary>
    public NamedType NamedType => this switch
    {
        NonNullType nonNull => nonNull.OfType.NamedType,
        ListType list => list.OfType.NamedType,
        _ => (NamedType)this,
    };

    public GraphQLType Nullable => this is NonNullType nonNull ? nonNull.OfType : this;

    public bool IsInputType => NamedType is ScalarType or EnumType or InputObjectType;

    public bool IsOutputType => NamedType is ScalarType or EnumType or ObjectType or InterfaceType or UnionType;

    public bool IsLeafType => NamedType is ScalarType or EnumType;

    public static bool AreEqual(GraphQLType a, GraphQLType b) => (a, b) switch
    {
        (NonNullType x, NonNullType y) => AreEqual(x.OfType, y.OfType),
        (ListType x, ListType y) => AreEqual(x.OfType, y.OfType),
        (NamedType x, NamedType y) => ReferenceEquals(x, y),
        _ => false,
    };
}

/// <summary>The kinds introspection reports.</summary>
public enum TypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
    List,
    NonNull,
}

/// <summary>A type with a name: scalar, object, interface, union, enum or input object.</summary>
public abstract class NamedType : GraphQLType
{
    protected NamedType(string name, string? description)
    {
        Name = name;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; internal set; }

    public abstract TypeKind Kind { get; }

    /// <summary>The definition and extensions this type was built from.</summary>
    public IReadOnlyList<TypeDefinitionNode> AstNodes { get; internal set; } = [];

    public override string ToString() => Name;
}

public sealed class ListType(GraphQLType ofType) : GraphQLType
{
    public GraphQLType OfType { get; } = ofType;

    public override string ToString() => "[" + OfType + "]";
}

public sealed class NonNullType(GraphQLType ofType) : GraphQLType
{
    public GraphQLType OfType { get; } = ofType;

    public override string ToString() => OfType + "!";
}
