namespace TaskForge.GraphQL.Types;

/// <summary>The specified scalar types and directives, shared by every schema (as in graphql-js).</summary>
public static class BuiltInTypes
{
    public const string DefaultDeprecationReason = "No longer supported";

    public static readonly ScalarType Int = Scalar("Int", BuiltInScalars.Int);
    public static readonly ScalarType Float = Scalar("Float", BuiltInScalars.Float);
    public static readonly ScalarType String = Scalar("String", BuiltInScalars.String);
    public static readonly ScalarType Boolean = Scalar("Boolean", BuiltInScalars.Boolean);
    public static readonly ScalarType Id = Scalar("ID", BuiltInScalars.Id);

    public static readonly DirectiveDefinition Include = Directive(
        "include",
        "Includes the field or fragment only when `if` is true.",
        [new InputValueDefinition("if", new NonNullType(Boolean), "Include when true.")],
        DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment);

    public static readonly DirectiveDefinition Skip = Directive(
        "skip",
        "Skips the field or fragment when `if` is true.",
        [new InputValueDefinition("if", new NonNullType(Boolean), "Skip when true.")],
        DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment);

    public static readonly DirectiveDefinition Deprecated = Directive(
        "deprecated",
        "Marks a schema element as deprecated.",
        [new InputValueDefinition("reason", String,
            "Why the element is deprecated and what to use instead (Markdown).")
        {
            HasDefaultValue = true,
            DefaultValue = DefaultDeprecationReason,
            DefaultValueLiteral = new Language.StringValueNode(DefaultDeprecationReason),
        }],
        DirectiveLocation.FieldDefinition, DirectiveLocation.ArgumentDefinition, DirectiveLocation.InputFieldDefinition, DirectiveLocation.EnumValue);

    public static readonly DirectiveDefinition SpecifiedBy = Directive(
        "specifiedBy",
        "Links to the specification of this scalar.",
        [new InputValueDefinition("url", new NonNullType(String), "The URL of the specification.")],
        DirectiveLocation.Scalar);

    public static readonly DirectiveDefinition OneOf = Directive(
        "oneOf",
        "Exactly one field of this input object must be given, and it must not be null.",
        [],
        DirectiveLocation.InputObject);

    public static IReadOnlyList<DirectiveDefinition> SpecifiedDirectives { get; } = [Include, Skip, Deprecated, SpecifiedBy, OneOf];

    public static ScalarType? GetScalar(string name) => name switch
    {
        "Int" => Int,
        "Float" => Float,
        "String" => String,
        "Boolean" => Boolean,
        "ID" => Id,
        _ => null,
    };

    private static ScalarType Scalar(string name, IScalarCoercion coercion) =>
        new(name, coercion, BuiltInScalars.Description(name));

    private static DirectiveDefinition Directive(
        string name, string description, IReadOnlyList<InputValueDefinition> arguments, params DirectiveLocation[] locations) =>
        new(name, description) { Arguments = arguments, Locations = locations, IsSpecified = true };
}
