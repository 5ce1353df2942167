using System.Security.Cryptography;

namespace TaskForge.Domain.Projects;

/// <summary>
/// The board a project gets when its creator names no columns. Column ids derive from the project
/// id, so the same command always decides the same events (no random source in the domain).
/// </summary>
public static class DefaultBoard
{
    public static IReadOnlyList<string> ColumnNames { get; } = ["To do", "In progress", "In review", "Done"];

    public static IReadOnlyList<BoardColumn> For(Guid projectId) =>
        [.. ColumnNames.Select((name, index) => new BoardColumn(ColumnId(projectId, index), name))];

    public static Guid ColumnId(Guid projectId, int index)
    {
        Span<byte> input = stackalloc byte[20];
        projectId.TryWriteBytes(input);
        BitConverter.TryWriteBytes(input[16..], index);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16]);
    }
}
