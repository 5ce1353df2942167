namespace TaskForge.Domain;

public static class ErrorCodes
{
    public const string NotFound = "NOT_FOUND";
    public const string Forbidden = "FORBIDDEN";
    public const string Conflict = "CONFLICT";
    public const string Validation = "VALIDATION";
    public const string StatusNotOnBoard = "STATUS_NOT_ON_BOARD";
    public const string LastOwner = "LAST_OWNER";
    public const string AlreadyMember = "ALREADY_MEMBER";
    public const string NotAMember = "NOT_A_MEMBER";
    public const string Archived = "ARCHIVED";
    public const string ColumnNotEmpty = "COLUMN_NOT_EMPTY";
    public const string AlreadyExists = "ALREADY_EXISTS";
    public const string InvitationNotFound = "INVITATION_NOT_FOUND";

    public static IReadOnlyList<string> All { get; } =
    [
        NotFound, Forbidden, Conflict, Validation, StatusNotOnBoard, LastOwner, AlreadyMember,
        NotAMember, Archived, ColumnNotEmpty, AlreadyExists, InvitationNotFound,
    ];
}
