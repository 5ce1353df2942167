using TaskForge.Api.Commands;

namespace TaskForge.Api.Schema;

/// <summary>A mutation's input object, read field by field; bad values throw <see cref="InputException"/> naming the field.</summary>
public sealed class Input(IReadOnlyDictionary<string, object?> fields)
{
    public IReadOnlyDictionary<string, object?> Fields => fields;

    public static Input Of(GraphQL.Execution.ResolveContext context) =>
        new(context.GetArgument<IReadOnlyDictionary<string, object?>>("input") ?? throw new InputException("input is required.", "input"));

    public bool Has(string field) => fields.TryGetValue(field, out var value) && value is not null;

    public string String(string field) => OptionalString(field) ?? throw new InputException($"{field} is required.", field);

    public string? OptionalString(string field) => fields.GetValueOrDefault(field) as string;

    public int? Int(string field) => fields.GetValueOrDefault(field) is { } value ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    public bool? Bool(string field) => fields.GetValueOrDefault(field) as bool?;

    public DateTimeOffset? DateTime(string field) => fields.GetValueOrDefault(field) as DateTimeOffset?;

    public long? EventId(string field) => fields.GetValueOrDefault(field) as long?;

    public TEnum? Enum<TEnum>(string field)
        where TEnum : struct, System.Enum =>
        fields.GetValueOrDefault(field) switch
        {
            null => null,
            TEnum value => value,
            string name => System.Enum.Parse<TEnum>(name.Replace("_", "", StringComparison.Ordinal), ignoreCase: true),
            var other => throw new InputException($"{field} has an unexpected value {other}.", field),
        };

    public GlobalId Id(string field, GlobalIdKind kind) => GlobalId.Parse(OptionalString(field) ?? throw new InputException($"{field} is required.", field), kind, field);

    public GlobalId? OptionalId(string field, GlobalIdKind kind) => OptionalString(field) is { } text ? GlobalId.Parse(text, kind, field) : null;

    public IReadOnlyList<GlobalId> Ids(string field, GlobalIdKind kind) =>
        [.. List(field).Select(item => GlobalId.Parse(item as string, kind, field))];

    public IReadOnlyList<object?> List(string field) => fields.GetValueOrDefault(field) switch
    {
        null => [],
        IEnumerable<object?> items => [.. items],
        var single => [single],
    };

    /// <summary>The idempotency key and expected version every mutation input may carry.</summary>
    public CommandOptions Options()
    {
        var expected = Int("expectedVersion");
        if (expected is < 0)
        {
            throw new InputException("expectedVersion cannot be negative.", "expectedVersion");
        }

        return new CommandOptions(OptionalString("idempotencyKey"), expected);
    }
}
