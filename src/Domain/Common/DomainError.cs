namespace TaskForge.Domain;

/// <summary>
/// An expected failure of a command: a code from <see cref="ErrorCodes"/>, a message for people, and, for bad input, the
/// command's input field it is about, named as the API's input names it (null when it is about no one field).
/// </summary>
public sealed record DomainError(string Code, string Message, string? Field = null)
{
    public static DomainError NotFound(string what) => new(ErrorCodes.NotFound, $"{what} was not found.");

    public static DomainError Forbidden(string message) => new(ErrorCodes.Forbidden, message);

    public static DomainError Validation(string message, string? field = null) => new(ErrorCodes.Validation, message, field);
}
