namespace TaskForge.EventStore.Appending;

/// <summary>
/// What the writer believes the stream's version is. Versions count events: a new stream has version 0,
/// its first event has version 1.
/// </summary>
public readonly record struct ExpectedVersion
{
    private const long AnyValue = -1;
    private const long StreamExistsValue = -2;

    private ExpectedVersion(long value) => Value = value;

    /// <summary>The raw value sent to the database: -1 any, -2 stream exists, otherwise the exact version.</summary>
    public long Value { get; }

    public static ExpectedVersion Any { get; } = new(AnyValue);

    public static ExpectedVersion NoStream { get; } = new(0);

    public static ExpectedVersion StreamExists { get; } = new(StreamExistsValue);

    public static ExpectedVersion Exactly(long version) =>
        version >= 0 ? new ExpectedVersion(version) : throw new ArgumentOutOfRangeException(nameof(version), version, "A stream version is 0 or more.");

    public bool IsAny => Value == AnyValue;

    public override string ToString() => Value switch
    {
        AnyValue => "any",
        StreamExistsValue => "stream exists",
        0 => "no stream",
        _ => Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
