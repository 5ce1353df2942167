using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Types;

/// <summary>
/// SDL may spell out the built-in directives, as schema registries and introspection-to-SDL tools print them
/// (docs/adr/0035). A definition identical to the built-in one, descriptions included, is the shared built-in;
/// any other definition is what the schema has, as in graphql-js's buildSchema. Built-ins the SDL does not
/// define follow the SDL's directives.
/// </summary>
internal sealed partial class SdlTypeFactory
{
    /// <summary>Whether @defer and @stream follow the SDL's directives (when it does not define them).</summary>
    public bool AddDeferAndStream { get; init; }

    private void MapBuiltInDirectives()
    {
        for (var i = 0; i < Directives.Count; i++)
        {
            var builtIn = BuiltInTypes.SpecifiedDirectives.FirstOrDefault(d => d.Name == Directives[i].Name);
            if (builtIn is not null && IsIdentical(Directives[i], builtIn))
            {
                Directives[i] = builtIn;
                _directives[builtIn.Name] = builtIn;
            }
        }

        foreach (var builtIn in BuiltInTypes.SpecifiedDirectives)
        {
            if (!_directives.ContainsKey(builtIn.Name))
            {
                Directives.Add(builtIn);
            }
        }

        if (AddDeferAndStream)
        {
            foreach (var incremental in (DirectiveDefinition[])[BuiltInTypes.Defer, BuiltInTypes.Stream])
            {
                if (_directives.TryAdd(incremental.Name, incremental))
                {
                    Directives.Add(incremental);
                }
            }
        }
    }

    private static bool IsIdentical(DirectiveDefinition defined, DirectiveDefinition builtIn) =>
        defined.Description == builtIn.Description
        && defined.IsRepeatable == builtIn.IsRepeatable
        && defined.Locations.SequenceEqual(builtIn.Locations)
        && defined.Arguments.Count == builtIn.Arguments.Count
        && defined.Arguments.Zip(builtIn.Arguments).All(pair => IsIdentical(pair.First, pair.Second));

    private static bool IsIdentical(InputValueDefinition defined, InputValueDefinition builtIn) =>
        defined.Name == builtIn.Name
        && defined.Description == builtIn.Description
        && defined.Type.ToString() == builtIn.Type.ToString()
        && defined.DeprecationReason == builtIn.DeprecationReason
        && PrintDefault(defined) == PrintDefault(builtIn)
        && (defined.AstNode?.Directives.Count ?? 0) == 0;

    private static string? PrintDefault(InputValueDefinition input) =>
        input.DefaultValueLiteral is { } literal ? AstPrinter.Print(literal) : null;
}
