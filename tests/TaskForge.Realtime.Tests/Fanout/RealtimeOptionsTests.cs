using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TaskForge.Realtime.Tests.Fanout;

/// <summary>Settings that would make every subscriber resync on a burst are refused with a message that names them.</summary>
public sealed class RealtimeOptionsTests
{
    [Fact]
    public void A_subscription_buffer_smaller_than_a_page_is_refused()
    {
        using var services = Services(o =>
        {
            o.PageSize = 500;
            o.SubscriptionBufferCapacity = 100;
        });

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RealtimeOptions>>().Value);
        Assert.Contains("Realtime:SubscriptionBufferCapacity must be at least Realtime:PageSize", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_and_a_buffer_as_large_as_a_page_are_accepted()
    {
        using var defaults = Services(_ => { });
        using var equal = Services(o => o.SubscriptionBufferCapacity = o.PageSize);

        Assert.Equal(2_000, defaults.GetRequiredService<IOptions<RealtimeOptions>>().Value.SubscriptionBufferCapacity);
        Assert.Equal(500, equal.GetRequiredService<IOptions<RealtimeOptions>>().Value.SubscriptionBufferCapacity);
    }

    private static ServiceProvider Services(Action<RealtimeOptions> configure) =>
        new ServiceCollection().AddTaskForgeRealtimeFanout(configure).BuildServiceProvider();
}
