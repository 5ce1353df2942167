namespace TaskForge.Bench.Realtime;

/// <summary>
/// Many hub connections that record, for every <c>Event</c> received while recording, the time from its
/// <c>occurredAt</c> to its receipt: .NET clients in this process (<see cref="Receivers"/>) or @microsoft/signalr
/// clients in one Node process (<see cref="JsReceivers"/>).
/// </summary>
internal interface IEventClients : IAsyncDisposable
{
    /// <summary>Clears what was recorded and starts recording.</summary>
    Task BeginAsync();

    /// <summary>Events received since <see cref="BeginAsync"/>.</summary>
    Task<long> ReceivedAsync();

    /// <summary>Stops recording and returns the latencies recorded, in milliseconds.</summary>
    Task<IReadOnlyCollection<double>> EndAsync();
}
