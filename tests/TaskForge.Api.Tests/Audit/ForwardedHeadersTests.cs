namespace TaskForge.Api.Tests.Audit;

/// <summary>With <c>ForwardedHeaders:TrustedProxies</c> naming the proxy, the client it forwards for is the one recorded.</summary>
public sealed class ForwardedHeadersTests(TrustedProxyHostFixture api) : IClassFixture<TrustedProxyHostFixture>
{
    [Fact]
    public async Task Behind_a_trusted_proxy_the_forwarded_client_ip_is_recorded()
    {
        var s = await AuditScenario.CreateAsync(api, "proxy");
        s.Owner.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        var renamed = await s.RenameAsync(s.Owner, "Through the proxy");
        await api.WaitForLogAsync(renamed);

        var entry = Assert.Single(await AuditQueries.AllAsync(s.Owner, s.WorkspaceId, new { eventTypes = new[] { "TaskRenamed" } }));
        Assert.Equal("203.0.113.7", entry.GetProperty("metadata").GetProperty("clientIp").GetString());
    }
}
