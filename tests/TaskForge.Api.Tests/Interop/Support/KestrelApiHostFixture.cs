using TaskForge.Api.Tests.GraphQL.Support;

namespace TaskForge.Api.Tests.Interop.Support;

/// <summary>The whole TaskForge host on a real TCP port of 127.0.0.1, for JavaScript clients run by node.</summary>
public sealed class KestrelApiHostFixture : ApiHostFixture
{
    protected override bool ListensOnRealPort => true;

    public Uri Url => GraphQLUri ?? throw new InvalidOperationException("Not initialised.");
}
