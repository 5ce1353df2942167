using Microsoft.Extensions.DependencyInjection;
using TaskForge.Api.Tests.GraphQL.Support;
using TaskForge.Api.Tests.Realtime;
using TaskForge.Integrity;
using TaskForge.Storage.EventLog;

namespace TaskForge.Api.Tests.Audit;

/// <summary>The host on a real port (so requests have a client IP), with helpers to wait on the log's checkpoints.</summary>
public class AuditHostFixture : ApiHostFixture
{
    protected override bool ListensOnRealPort => true;

    /// <summary>Waits until Marten's high-water mark and the hash chain's checkpoint both reach <paramref name="eventId"/>.</summary>
    public async Task WaitForLogAsync(long eventId)
    {
        var mark = Factory.Services.GetRequiredService<HighWaterMark>();
        var heads = Factory.Services.GetRequiredService<ChainHeads>();
        await Until.FoundAsync<long>(async () =>
            await mark.ReadAsync() >= eventId && (await heads.AtAsync(ChainKeys.Global, eventId)).ChainedThrough >= eventId ? eventId : null,
            $"the log certified and chained through {eventId}", TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(20));
    }
}

/// <summary>The same host trusting the loopback proxy: X-Forwarded-For names the client.</summary>
public sealed class TrustedProxyHostFixture : AuditHostFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ForwardedHeaders:TrustedProxies:0"] = "127.0.0.1",
        ["ForwardedHeaders:TrustedProxies:1"] = "::1",
    };
}

/// <summary>The host with export pages of 3 events, so a test's export crosses many pages and query windows.</summary>
public sealed class SmallPagesHostFixture : AuditHostFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Audit:ExportPageSize"] = "3" };
}
