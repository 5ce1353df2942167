namespace TaskForge.GraphQL.ServerSentEvents;

/// <summary>Options of the graphql-sse transport (GraphQL over Server-Sent Events) on a GraphQL endpoint.</summary>
public sealed class GraphQLSseOptions
{
    /// <summary>Whether requests accepting <c>text/event-stream</c> are answered with an event stream. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Whether the single connection mode (PUT reservations, operations by token) is served. Default true.</summary>
    public bool SingleConnection { get; set; } = true;

    /// <summary>How often an idle stream gets a comment line so that proxies keep it open. Default 12 s.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>How long a reservation may wait for its event stream before it is dropped. Default 30 s.</summary>
    public TimeSpan ReservationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most reservations (connected or not) an endpoint keeps; one more PUT gets 503. Default 10,000.</summary>
    public int MaxReservations { get; set; } = 10_000;

    /// <summary>The most operations one single-connection stream runs at once; one more gets 409. Default 100.</summary>
    public int MaxOperationsPerStream { get; set; } = 100;
}
