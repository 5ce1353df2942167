namespace TaskForge.Realtime.Hub;

/// <summary>A hub method's argument, read without failing to bind: <see cref="Error"/> says what was wrong with it as sent.</summary>
public interface IHubArgument
{
    string? Error { get; }
}
