using TaskForge.GraphQL.Persisted;

namespace TaskForge.GraphQL.Tests.Persisted;

public sealed class BoundedPersistedQueryStoreTests
{
    [Fact]
    public void Given_full_store_When_adding_Then_the_least_recently_used_entry_goes()
    {
        var store = new BoundedPersistedQueryStore(capacity: 2);
        store.Set("a", "{ a }");
        store.Set("b", "{ b }");
        Assert.True(store.TryGet("a", out _));

        store.Set("c", "{ c }");

        Assert.Equal(2, store.Count);
        Assert.True(store.TryGet("a", out var a));
        Assert.Equal("{ a }", a);
        Assert.False(store.TryGet("b", out _));
        Assert.True(store.TryGet("c", out _));
    }

    [Fact]
    public void Given_character_budget_When_texts_exceed_it_Then_old_ones_are_evicted_and_a_too_long_one_is_not_kept()
    {
        var store = new BoundedPersistedQueryStore(capacity: 100, maxTotalChars: 10);
        store.Set("a", "123456");
        store.Set("b", "123456");
        store.Set("huge", "12345678901");

        Assert.False(store.TryGet("a", out _));
        Assert.True(store.TryGet("b", out _));
        Assert.False(store.TryGet("huge", out _));
        Assert.Equal(1, store.Count);
    }
}
