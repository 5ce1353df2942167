namespace TaskForge.Domain;

public sealed record DomainError(string Code, string Message)
{
    public static DomainError NotFound(string what) => new(ErrorCodes.NotFound, $"{what} was not found.");

    public static DomainError Forbidden(string message) => new(ErrorCodes.Forbidden, message);

    public static DomainError Validation(string message) => new(ErrorCodes.Validation, message);
}
