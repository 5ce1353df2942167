using TaskForge.EventStore.Appending;

namespace TaskForge.EventStore.Tests;

internal static class TestEvents
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static EventData New(string type = "Happened", string data = """{"n":1}""", Guid? id = null) =>
        new(id ?? Guid.NewGuid(), type, data, new EventMetadata("user-1", Guid.Empty, "corr-1", null, Epoch));

    public static EventData[] Many(int count, string type = "Happened") =>
        Enumerable.Range(0, count).Select(i => New(type, $$"""{"n":{{i}}}""")).ToArray();

    public static string Stream() => "test-" + Guid.NewGuid().ToString("N");
}
