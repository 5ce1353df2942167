using System.Text.Json;
using System.Text.RegularExpressions;
using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Tests.Conformance.Oracle;

/// <summary>The oracle's DateTime: RFC 3339 strings kept as they are, as js/oracle-schema.mjs defines it.</summary>
internal sealed partial class OracleDateTime : IScalarCoercion
{
    public object? Serialize(object? value) => Check(value);

    public object? ParseValue(object? value) => Check(value);

    public object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        Check(literal is StringValueNode text ? text.Value : null);

    private static string Check(object? value) => value switch
    {
        string text when Pattern().IsMatch(text) => text,
        string text => throw new ScalarCoercionException($"DateTime cannot represent value: {JsonSerializer.Serialize(text)}"),
        _ => throw new ScalarCoercionException("DateTime cannot represent a non-string value."),
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
