namespace TaskForge.Projections.Telemetry;

/// <summary>What this process knows about one projection it runs; read by the metrics gauges and by tests.</summary>
public sealed class ProjectionStatus(string schema, string name)
{
    private long _checkpoint;
    private long _lagEvents;
    private double _lagSeconds;
    private long _parked;
    private int _isLeader;

    public string Schema { get; } = schema;

    public string Name { get; } = name;

    public bool IsLeader
    {
        get => Volatile.Read(ref _isLeader) == 1;
        set => Volatile.Write(ref _isLeader, value ? 1 : 0);
    }

    /// <summary>The last position committed by the active generation.</summary>
    public long Checkpoint
    {
        get => Interlocked.Read(ref _checkpoint);
        set => Interlocked.Exchange(ref _checkpoint, value);
    }

    public long LagEvents
    {
        get => Interlocked.Read(ref _lagEvents);
        set => Interlocked.Exchange(ref _lagEvents, value);
    }

    public double LagSeconds
    {
        get => Volatile.Read(ref _lagSeconds);
        set => Volatile.Write(ref _lagSeconds, value);
    }

    public long Parked
    {
        get => Interlocked.Read(ref _parked);
        set => Interlocked.Exchange(ref _parked, value);
    }

    public RebuildProgress? Rebuild { get; set; }
}
