namespace TaskForge.Domain;

public static class InputLimits
{
    public const int NameMaxLength = 200;
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 20_000;
    public const int CommentMaxLength = 10_000;
    public const int LabelMaxLength = 50;
    public const int ColumnNameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int LabelsPerTask = 20;
    public const int AssigneesPerTask = 20;
    public const int ColumnsPerBoard = 50;
}
