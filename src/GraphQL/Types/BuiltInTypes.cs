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
        "Directs the executor to include this field or fragment only when the `if` argument is true.",
        [new InputValueDefinition("if", new NonNullType(Boolean), "Included when true.")],
        DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment);

    public static readonly DirectiveDefinition Skip = Directive(
        "skip",
        "Directs the executor to skip this field or fragment when the `if` argument is true.",
        [new InputValueDefinition("if", new NonNullType(Boolean), "Skipped when true.")],
        DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment);

    public static readonly DirectiveDefinition Deprecated = Directive(
        "deprecated",
        "Marks an element of a GraphQL schema as no longer supported.",
        [new InputValueDefinition("reason", String,
            "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).")
        {
            HasDefaultValue = true,
            DefaultValue = DefaultDeprecationReason,
            DefaultValueLiteral = new Language.StringValueNode(DefaultDeprecationReason),
        }],
        DirectiveLocation.FieldDefinition, DirectiveLocation.ArgumentDefinition, DirectiveLocation.InputFieldDefinition, DirectiveLocation.EnumValue);

    public static readonly DirectiveDefinition SpecifiedBy = Directive(
        "specifiedBy",
        "Exposes a URL that specifies the behavior of this scalar.",
        [new InputValueDefinition("url", new NonNullType(String), "The URL that specifies the behavior of this scalar.")],
        DirectiveLocation.Scalar);

    public static readonly DirectiveDefinition OneOf = Directive(
        "oneOf",
        "Indicates exactly one field must be supplied and this field must not be `null`.",
        [],
        DirectiveLocation.InputObject);

    public static IReadOnlyList<DirectiveDefinition> SpecifiedDirectives { get; } = [Include, Skip, Deprecated, SpecifiedBy, OneOf];

    /// <summary>@defer as graphql-js 17 defines it; a schema has it after <see cref="SchemaBuilder.AddDeferAndStreamDirectives"/>.</summary>
    public static readonly DirectiveDefinition Defer = new(
        "defer", "Directs the executor to defer this fragment when the `if` argument is true or undefined.")
    {
        Arguments =
        [
            Defaulted(new InputValueDefinition("if", new NonNullType(Boolean), "Deferred when true or undefined."), true, new Language.BooleanValueNode(true)),
            new InputValueDefinition("label", String, "Unique name"),
        ],
        Locations = [DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment],
        IsSpecified = true,
    };

    /// <summary>@stream as graphql-js 17 defines it; a schema has it after <see cref="SchemaBuilder.AddDeferAndStreamDirectives"/>.</summary>
    public static readonly DirectiveDefinition Stream = new(
        "stream", "Directs the executor to stream plural fields when the `if` argument is true or undefined.")
    {
        Arguments =
        [
            Defaulted(new InputValueDefinition("initialCount", new NonNullType(Int), "Number of items to return immediately"), 0, new Language.IntValueNode("0")),
            Defaulted(new InputValueDefinition("if", new NonNullType(Boolean), "Stream when true or undefined."), true, new Language.BooleanValueNode(true)),
            new InputValueDefinition("label", String, "Unique name"),
        ],
        Locations = [DirectiveLocation.Field],
        IsSpecified = true,
    };

    /// <summary>Whether <paramref name="name"/> is one of the specified directives (printSchema leaves those out by name, as graphql-js does).</summary>
    public static bool IsSpecifiedDirectiveName(string name) => name is "include" or "skip" or "deprecated" or "specifiedBy" or "oneOf";

    public static ScalarType? GetScalar(string name) => name switch
    {
        "Int" => Int,
        "Float" => Float,
        "String" => String,
        "Boolean" => Boolean,
        "ID" => Id,
        _ => null,
    };

    private static InputValueDefinition Defaulted(InputValueDefinition input, object value, Language.ValueNode literal)
    {
        input.HasDefaultValue = true;
        input.DefaultValue = value;
        input.DefaultValueLiteral = literal;
        return input;
    }

    private static ScalarType Scalar(string name, IScalarCoercion coercion) =>
        new(name, coercion, BuiltInScalars.Description(name));

    private static DirectiveDefinition Directive(
        string name, string description, IReadOnlyList<InputValueDefinition> arguments, params DirectiveLocation[] locations) =>
        new(name, description) { Arguments = arguments, Locations = locations, IsSpecified = true };
}
