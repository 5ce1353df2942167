namespace TaskForge.Api.Hosting;

/// <summary>
/// A setting the host cannot start with (a malformed key, a required setting missing, a value out of range). The process
/// prints its message, without a stack trace, and exits with <see cref="ExitCode"/> (<see cref="StartupFailure"/>).
/// </summary>
public sealed class ConfigurationError(string message) : InvalidOperationException(message)
{
    public const int ExitCode = 2;
}
