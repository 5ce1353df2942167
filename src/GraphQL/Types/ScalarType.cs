namespace TaskForge.GraphQL.Types;

/// <summary>A scalar; its coercion rules come from <see cref="Coercion"/>.</summary>
public sealed class ScalarType : NamedType
{
    public ScalarType(string name, IScalarCoercion coercion, string? description = null, string? specifiedByUrl = null)
        : base(name, description)
    {
        Coercion = coercion;
        SpecifiedByUrl = specifiedByUrl;
    }

    public override TypeKind Kind => TypeKind.Scalar;

    public IScalarCoercion Coercion { get; internal set; }

    public string? SpecifiedByUrl { get; internal set; }

    public bool IsSpecified => ReferenceEquals(BuiltInTypes.GetScalar(Name), this);
}
