namespace TaskForge.Domain.Tests.Support;

public static class Ids
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public static readonly Guid Workspace = Guid.Parse("00000000-0000-0000-0000-00000000a001");
    public static readonly Guid OtherWorkspace = Guid.Parse("00000000-0000-0000-0000-00000000a002");

    public static readonly Guid Owner = Guid.Parse("00000000-0000-0000-0000-0000000000f1");
    public static readonly Guid Admin = Guid.Parse("00000000-0000-0000-0000-0000000000f2");
    public static readonly Guid Member = Guid.Parse("00000000-0000-0000-0000-0000000000f3");
    public static readonly Guid Viewer = Guid.Parse("00000000-0000-0000-0000-0000000000f4");
    public static readonly Guid Auditor = Guid.Parse("00000000-0000-0000-0000-0000000000f5");
    public static readonly Guid Outsider = Guid.Parse("00000000-0000-0000-0000-0000000000f6");
    public static readonly Guid SecondMember = Guid.Parse("00000000-0000-0000-0000-0000000000f7");

    public static string EmailOf(Guid userId) =>
        userId == Owner ? "owner@example.com"
        : userId == Admin ? "admin@example.com"
        : userId == Member ? "member@example.com"
        : userId == Viewer ? "viewer@example.com"
        : userId == Auditor ? "auditor@example.com"
        : userId == SecondMember ? "second@example.com"
        : "outsider@example.com";

    public static Guid InvitationFor(Guid userId) => new(userId.ToByteArray().Reverse().ToArray());
}
