namespace TaskForge.Api.Accounts;

/// <summary>The outcome of an account operation: <see cref="Succeeded"/> with a value, or <see cref="Failed"/> with a stable code.</summary>
public abstract record AccountResult<T>
{
    private AccountResult()
    {
    }

    public sealed record Succeeded(T Value) : AccountResult<T>;

    /// <param name="Code">One of <see cref="AccountErrorCodes"/>.</param>
    /// <param name="Field">The input field at fault (e.g. <c>email</c>), when there is one.</param>
    public sealed record Failed(string Code, string Message, string? Field = null) : AccountResult<T>;

    public static implicit operator AccountResult<T>(T value) => new Succeeded(value);
}
